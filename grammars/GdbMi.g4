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
 * Every token the records need is labelled, and one call per rule hands it to a Builder (MiRecordBuilder):
 * values are built during the parse, with no parse tree and no listener, so a 500 KB stack listing costs
 * no tree.
 */
grammar GdbMi;

@parser::members {
    /** What the actions tell as each rule completes: values are built during the parse, with no tree. */
    public interface Builder {
        void resultRecord(Token token, Token recordClass);
        void asyncRecord(Token token, Token mark, Token recordClass);
        void streamRecord(Token mark, Token text);
        void prompt();
        void bareTopTuple();
        void result(Token name);
        void constant(Token text);
        void open();
        void closeTuple();
        void closeList();
        void bareItem();
    }

    private Builder builder;

    public void setBuilder(Builder builder) {
        this.builder = builder;
    }
}

line
    : token=TOKEN? CARET recordClass=IDENT (COMMA topItem)* EOF
        { builder.resultRecord($token, $recordClass); }                          # resultRecord
    | token=TOKEN? mark=(STAR | PLUS | EQUALS) recordClass=IDENT (COMMA topItem)* EOF
        { builder.asyncRecord($token, $mark, $recordClass); }                    # asyncRecord
    | mark=(TILDE | AT | AMPERSAND) str=STRING EOF
        { builder.streamRecord($mark, $str); }                                  # streamRecord
    | PROMPT EOF
        { builder.prompt(); }                                                    # prompt
    ;

topItem
    : result                                                                     # namedTopItem
    | tuple { builder.bareTopTuple(); }                                          # bareTopTuple
    ;

result
    : name=IDENT EQUALS value { builder.result($name); }
    ;

value
    : str=STRING { builder.constant($str); }                                   # constValue
    | tuple                                                                      # tupleValue
    | list                                                                       # listValue
    ;

tuple
    : LBRACE { builder.open(); } (item (COMMA item)*)? RBRACE { builder.closeTuple(); }
    ;

list
    : LBRACKET { builder.open(); } (item (COMMA item)*)? RBRACKET { builder.closeList(); }
    ;

item
    : result                                                                     # namedItem
    | value { builder.bareItem(); }                                              # bareItem
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
