/*
 * GDB/MI output, one line at a time, as gdb 13 really prints it (docs/gdb-mi-notes.md).
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
 * Tokens are chosen so that a 500 KB stack listing costs few of them and every decision needs one token of
 * lookahead (LL(1), so SLL prediction never simulates the ATN):
 *   - a C string is one token, decoded in code (escapes to bytes, then UTF-8), never in the grammar;
 *   - "name=" is one token (NAME_EQ): a result is NAME_EQ value, never IDENT '=' value;
 *   - a record's token and its mark are one token ("12^", "*", "="), so the record kinds differ in the first
 *     token; the digits are read back from the token's text.
 * MiParser recognises the plain stream records and prompts (most lines) by hand and sends result and async
 * records here; a stream line it cannot take comes here too, for the error's position.
 * Actions hand labelled tokens to a Builder (MiRecordBuilder) as soon as they are matched, and tell it when an
 * item, tuple, list or record completes: values are built during the parse, with no parse tree and no listener.
 */
grammar GdbMi;

@parser::members {
    /**
     * What the actions tell as the parse goes: values are built during the parse, with no tree. Every action reads
     * its labelled tokens right after they are matched, because the fast path reuses token objects.
     */
    public interface Builder {
        /** A result or async record starts: its mark (with the token's digits) and its class. */
        void recordStart(Token mark, Token recordClass);
        void resultRecord();
        void asyncRecord();
        void streamRecord(Token mark, Token text);
        void prompt();
        /** The next value's name ("frame=" gives "frame"); null for a bare value, whose name is "". */
        void name(Token name);
        /** The value just built gets the name given before it. */
        void item();
        /** A tuple or list opens: the items that follow until it closes are its own. */
        void open();
        void constant(Token text);
        void closeTuple();
        void closeList();
        /** MI2: a bare tuple at the top level, named after the result before it. */
        void closeBareTopTuple();
    }

    private Builder builder;

    public void setBuilder(Builder builder) {
        this.builder = builder;
    }
}

line
    : mark=RESULT_MARK recordClass=IDENT { builder.recordStart($mark, $recordClass); } (COMMA topItem)* EOF
        { builder.resultRecord(); }                                                  # resultRecord
    | mark=(EXEC_MARK | STATUS_MARK | NOTIFY_MARK) recordClass=IDENT { builder.recordStart($mark, $recordClass); }
      (COMMA topItem)* EOF
        { builder.asyncRecord(); }                                                   # asyncRecord
    | mark=(TILDE | AT | AMPERSAND) str=STRING { builder.streamRecord($mark, $str); } EOF   # streamRecord
    | PROMPT EOF
        { builder.prompt(); }                                                        # prompt
    ;

topItem
    : name=NAME_EQ { builder.name($name); } (str=STRING { builder.constant($str); } | container)
        { builder.item(); }                                                          # namedTopItem
    | LBRACE { builder.open(); } (item (COMMA item)*)? RBRACE
        { builder.closeBareTopTuple(); }                                             # bareTopTuple
    ;

// A tuple or list element: a result, or (docs/gdb-mi-notes.md, quirks 8 and 11) a bare value. A string, most items by far, is matched in
// place rather than by a rule of its own: one rule call per item where a value rule would add a second (and a
// second and third context object).
item
    : name=NAME_EQ? { builder.name($name); } (str=STRING { builder.constant($str); } | container)
        { builder.item(); }
    ;

container
    : LBRACE { builder.open(); } (item (COMMA item)*)? RBRACE { builder.closeTuple(); }       # tupleValue
    | LBRACKET { builder.open(); } (item (COMMA item)*)? RBRACKET { builder.closeList(); }    # listValue
    ;

PROMPT       : '(gdb)' ' '* ;
RESULT_MARK  : [0-9]* '^' ;
EXEC_MARK    : [0-9]* '*' ;
STATUS_MARK  : [0-9]* '+' ;
NOTIFY_MARK  : [0-9]* '=' ;
// Digits that no mark follows: never valid, kept whole so the error names them.
TOKEN        : [0-9]+ ;
NAME_EQ      : IDENT '=' ;
IDENT        : [A-Za-z_] [A-Za-z0-9_-]* ;
STRING       : '"' (~["\\] | '\\' .)* '"' ;
// Longest match: a string that closes is a STRING; one that runs to the end of the line is this.
UNTERMINATED_STRING : '"' (~["\\] | '\\' .)* '\\'? ;
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
