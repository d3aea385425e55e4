/*
 * GDB/MI output, one line at a time, as gdb 13 really prints it (../shared/spec/gdb-mi.md).
 *
 * The manual's BNF:
 *   output        := oob-record* result-record? "(gdb)" nl
 *   result-record := token? "^" result-class ("," result)* nl
 *   async-record  := token? ("*" | "+" | "=") async-class ("," result)* nl
 *   stream-record := ("~" | "@" | "&") c-string nl
 *   result        := variable "=" value
 *   value         := c-string | tuple | list
 *   tuple         := "{}" | "{" result ("," result)* "}"
 *   list          := "[]" | "[" value ("," value)* "]" | "[" result ("," result)* "]"
 *
 * What gdb prints beyond it, and this grammar accepts:
 *   - records arrive in any order and prompts are not delimiters, so the unit is the line (rule `line`);
 *   - "(gdb) " has a trailing space;
 *   - MI1/MI2 multi-location breakpoints put bare tuples at the top level: bkpt={..},{..},{..};
 *   - before MI4 the breakpoint "script" field is a tuple of bare values: script={"silent","continue"};
 *   - lists may mix results and values; keys may repeat; identifiers hold upper case, digits, '_' and '-'.
 * A C string is one token, decoded in code (escapes to bytes, then UTF-8), never in the grammar.
 * Every token the records need is labelled: values are built during the parse from the labels
 * (MiRecordBuilder), without a parse tree, so a 500 KB stack listing costs no tree.
 */
grammar GdbMi;

line
    : token=TOKEN? CARET recordClass=IDENT (COMMA topItem)* EOF              # resultRecord
    | token=TOKEN? mark=(STAR | PLUS | EQUALS) recordClass=IDENT (COMMA topItem)* EOF # asyncRecord
    | mark=(TILDE | AT | AMPERSAND) text=STRING EOF                          # streamRecord
    | PROMPT EOF                                                # prompt
    ;

topItem
    : result                                                    # namedTopItem
    | tuple                                                     # bareTopTuple
    ;

result
    : name=IDENT EQUALS value
    ;

value
    : text=STRING                                               # constValue
    | tuple                                                     # tupleValue
    | list                                                      # listValue
    ;

tuple
    : LBRACE (item (COMMA item)*)? RBRACE
    ;

list
    : LBRACKET (item (COMMA item)*)? RBRACKET
    ;

item
    : result                                                    # namedItem
    | value                                                     # bareItem
    ;

PROMPT       : '(gdb)' ' '* ;
TOKEN        : [0-9]+ ;
IDENT        : [A-Za-z_] [A-Za-z0-9_-]* ;
STRING       : '"' (~["\\] | '\\' .)* '"' ;
// Longest match: a string that closes is a STRING; one that runs to the end of the line is this.
UNTERMINATED_STRING : '"' (~["\\] | '\\' .)* '\\'? ;
CARET        : '^' ;
STAR         : '*' ;
PLUS         : '+' ;
EQUALS       : '=' ;
TILDE        : '~' ;
AT           : '@' ;
AMPERSAND    : '&' ;
COMMA        : ',' ;
LBRACE       : '{' ;
RBRACE       : '}' ;
LBRACKET     : '[' ;
RBRACKET     : ']' ;
// Anything else is an error the parser reports with its column, never a silent skip.
UNEXPECTED   : . ;
