// The Tangent language. No semantic actions: the interpreter's AstBuilder walks the parse tree.
//
// Newlines end statements. The interpreter feeds the parser through NewlineFilter, which drops
// the NL tokens that cannot end a statement (inside () and [], after an operator or a comma,
// before `else` or a leading `.`), so the rules below only see NL where one is meaningful.
grammar Tangent;

program : sep* (statement (sep+ statement)*)? sep* EOF ;

// A single REPL entry or `-e` snippet uses the same rule as a file.
sep : NL | ';' ;

// One ${...} interpolation inside a string literal.
singleExpression : expression EOF ;

block : '{' sep* (statement (sep+ statement)*)? sep* '}' ;

statement
    : LET pattern typeAnn? '=' expression                                  # letStmt
    | VAR pattern typeAnn? ('=' expression)?                               # varStmt
    | FN name=IDENT '(' params? ')' typeArrow? functionBody                # fnDecl
    | FOR pattern IN expression block                                      # forStmt
    | WHILE expression block                                               # whileStmt
    | BREAK                                                                # breakStmt
    | CONTINUE                                                             # continueStmt
    | RETURN expression?                                                   # returnStmt
    | IMPORT dottedName (AS alias=IDENT)?                                  # importStmt
    | FROM dottedName IMPORT (importNames | star='*')                      # fromImportStmt
    | target=expression op=('=' | '+=' | '-=' | '*=' | '/=' | '@=') value=expression # assignStmt
    | expression                                                           # exprStmt
    ;

importNames : IDENT (',' IDENT)* ;
dottedName  : IDENT ('.' IDENT)* ;

typeAnn   : ':' typeExpr ;
typeArrow : '->' typeExpr ;
typeExpr  : IDENT ('.' IDENT)* ;

functionBody
    : block
    | '=' expression
    ;

params : param (',' param)* ','? ;
param  : IDENT typeAnn? ('=' expression)? ;

pattern
    : IDENT                                                # namePattern
    | '(' pattern (',' pattern)* ','? ')'                  # tuplePattern
    | '[' pattern (',' pattern)* ','? ']'                  # listPattern
    ;

expression
    : primary                                                            # primaryExpr
    | expression '.' IDENT                                               # memberExpr
    | expression '(' args? ')'                                           # callExpr
    | expression '[' subscripts ']'                                      # indexExpr
    | <assoc=right> expression op=('^' | '**') expression                # powerExpr
    | op=('-' | '+') expression                                          # unaryExpr
    | expression op=('*' | '/' | '//' | '%' | '@') expression            # mulExpr
    | expression op=('+' | '-') expression                               # addExpr
    | expression op=('..' | '..=') expression                            # rangeExpr
    | expression op=('==' | '!=' | '<' | '<=' | '>' | '>=') expression   # compareExpr
    | expression NOT? IN expression                                      # inExpr
    | NOT expression                                                     # notExpr
    | expression AND expression                                          # andExpr
    | expression OR expression                                           # orExpr
    | lambdaParams '=>' (block | expression)                             # lambdaExpr
    ;

lambdaParams
    : IDENT
    | '(' params? ')'
    ;

primary
    : NUMBER                                                            # numberLit
    | STRING                                                            # stringLit
    | TRUE                                                              # trueLit
    | FALSE                                                             # falseLit
    | NIL                                                               # nilLit
    | IDENT                                                             # nameRef
    | '(' ')'                                                           # emptyTuple
    | '(' expression ')'                                                # parenExpr
    | '(' expression ',' (expression (',' expression)*)? ','? ')'       # tupleLit
    | '[' (expression (',' expression)* ','?)? ']'                      # listLit
    | '{' NL? (mapEntry (',' mapEntry)* ','?)? NL? '}'                  # mapLit
    | ifExpr                                                            # ifPrimary
    | FN '(' params? ')' typeArrow? functionBody                        # fnLit
    ;

ifExpr : IF cond=expression then=block (NL? ELSE (elseBlock=block | elseIf=ifExpr))? ;

mapEntry : key=mapKey ':' value=expression ;
mapKey
    : IDENT
    | STRING
    | NUMBER
    | TRUE
    | FALSE
    | NIL
    | '(' expression ')'
    | '(' expression ',' (expression (',' expression)*)? ','? ')'
    ;

args : arg (',' arg)* ','? ;
arg  : (name=IDENT ':')? expression ;

subscripts : subscript (',' subscript)* ','? ;
subscript
    : lo=expression? ':' hi=expression? (':' step=expression?)?          # sliceSub
    | expression                                                         # indexSub
    ;

// ---------------------------------------------------------------- lexer

LET      : 'let' ;
VAR      : 'var' ;
FN       : 'fn' ;
IF       : 'if' ;
ELSE     : 'else' ;
FOR      : 'for' ;
IN       : 'in' ;
WHILE    : 'while' ;
BREAK    : 'break' ;
CONTINUE : 'continue' ;
RETURN   : 'return' ;
IMPORT   : 'import' ;
FROM     : 'from' ;
AS       : 'as' ;
AND      : 'and' ;
OR       : 'or' ;
NOT      : 'not' ;
TRUE     : 'true' ;
FALSE    : 'false' ;
NIL      : 'nil' ;

NUMBER
    : '0' [xX] HEX_DIGIT ('_'? HEX_DIGIT)*
    | '0' [bB] [01] ('_'? [01])*
    | DIGITS ('.' DIGITS)? EXPONENT?
    ;
fragment DIGITS    : [0-9] ('_'? [0-9])* ;
fragment EXPONENT  : [eE] [+-]? [0-9]+ ;
fragment HEX_DIGIT : [0-9a-fA-F] ;

IDENT : [a-zA-Z_] [a-zA-Z_0-9]* ;

// Strings may hold ${expression} interpolations, which may themselves hold strings and braces.
// The lexer only finds where a string ends; AstBuilder splits out the interpolations.
STRING
    : '"""' .*? '"""'
    | '"' ( STR_ESCAPE | INTERPOLATION | ~["\\\r\n] )* '"'
    | '\'' ( STR_ESCAPE | ~['\\\r\n] )* '\''
    ;
fragment STR_ESCAPE    : '\\' . ;
fragment INTERPOLATION : '${' INTERP_BODY '}' ;
fragment INTERP_BODY   : ( STRING | '{' INTERP_BODY '}' | ~[{}"'] )* ;

// A string that reaches the end of its line (or the input) without its closing quote.
UNTERMINATED_STRING
    : '"""' ( ~'"' | '"' ~'"' | '""' ~'"' )* ( '"' | '""' )? EOF
    | '"' ( STR_ESCAPE | INTERPOLATION | ~["\\\r\n] )* ('\\')? (EOF | [\r\n])
    | '\'' ( STR_ESCAPE | ~['\\\r\n] )* ('\\')? (EOF | [\r\n])
    ;

ARROW     : '=>' ;
RARROW    : '->' ;
DOTDOTEQ  : '..=' ;
DOTDOT    : '..' ;
POW       : '**' ;
FLOORDIV  : '//' ;
EQ        : '==' ;
NE        : '!=' ;
LE        : '<=' ;
GE        : '>=' ;
PLUSEQ    : '+=' ;
MINUSEQ   : '-=' ;
STAREQ    : '*=' ;
SLASHEQ   : '/=' ;
ATEQ      : '@=' ;
LT        : '<' ;
GT        : '>' ;
ASSIGN    : '=' ;
PLUS      : '+' ;
MINUS     : '-' ;
STAR      : '*' ;
SLASH     : '/' ;
PERCENT   : '%' ;
CARET     : '^' ;
AT        : '@' ;
DOT       : '.' ;
COMMA     : ',' ;
COLON     : ':' ;
SEMI      : ';' ;
LPAREN    : '(' ;
RPAREN    : ')' ;
LBRACK    : '[' ;
RBRACK    : ']' ;
LBRACE    : '{' ;
RBRACE    : '}' ;

NL           : '\r'? '\n' ;
COMMENT      : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS           : [ \t\f]+ -> channel(HIDDEN) ;
CONTINUATION : '\\' [ \t]* '\r'? '\n' -> channel(HIDDEN) ;

// Anything else is reported by the parser with its position.
ERROR_CHAR : . ;
