/**
 * A recursive-descent parser for the Cypher subset in ast.ts. Anything outside it is a syntax error
 * (Neo.ClientError.Statement.SyntaxError over Bolt), so the builder can never drift from what the engine runs.
 */
import type { BinaryOp, Clause, Expr, NodePattern, OrderItem, Pattern, Projection, ProjectionItem, RelPattern, RemoveItem, SetItem, Statement } from './ast';

export class CypherSyntaxError extends Error {
  readonly code = 'Neo.ClientError.Statement.SyntaxError';
}

type TokenKind = 'ident' | 'param' | 'string' | 'number' | 'punct' | 'eof';
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value?: unknown;
  readonly at: number;
}

const PUNCT = ['<>', '<=', '>=', '->', '<-', '+=', '=~', '..', '(', ')', '[', ']', '{', '}', ':', ',', '.', '|', '=', '<', '>', '-', '+', '*'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const at = i;
    if (/[A-Za-z_]/.test(ch)) {
      while (i < source.length && /[A-Za-z0-9_]/.test(source[i])) i++;
      tokens.push({ kind: 'ident', text: source.slice(at, i), at });
    } else if (ch === '`') {
      const end = source.indexOf('`', i + 1);
      if (end < 0) throw new CypherSyntaxError(`unterminated identifier at ${at}`);
      tokens.push({ kind: 'ident', text: source.slice(i + 1, end), at, value: 'quoted' });
      i = end + 1;
    } else if (ch === '$') {
      i++;
      while (i < source.length && /[A-Za-z0-9_]/.test(source[i])) i++;
      tokens.push({ kind: 'param', text: source.slice(at + 1, i), at });
    } else if (/[0-9]/.test(ch)) {
      while (i < source.length && /[0-9]/.test(source[i])) i++;
      // A fraction needs a digit after the dot: `1..3` is a range, not a number.
      if (source[i] === '.' && /[0-9]/.test(source[i + 1] ?? '')) for (i++; i < source.length && /[0-9]/.test(source[i]); ) i++;
      tokens.push({ kind: 'number', text: source.slice(at, i), value: Number(source.slice(at, i)), at });
    } else if (ch === "'" || ch === '"') {
      let value = '';
      i++;
      while (i < source.length && source[i] !== ch) {
        if (source[i] === '\\') {
          const next = source[i + 1];
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
        } else value += source[i++];
      }
      if (i >= source.length) throw new CypherSyntaxError(`unterminated string at ${at}`);
      i++;
      tokens.push({ kind: 'string', text: value, value, at });
    } else {
      const punct = PUNCT.find((p) => source.startsWith(p, i));
      if (!punct) throw new CypherSyntaxError(`unexpected character '${ch}' at ${at}`);
      i += punct.length;
      tokens.push({ kind: 'punct', text: punct, at });
    }
  }
  tokens.push({ kind: 'eof', text: '', at: source.length });
  return tokens;
}

const CLAUSE_STARTS = new Set(['MATCH', 'OPTIONAL', 'UNWIND', 'MERGE', 'CREATE', 'WITH', 'RETURN', 'SET', 'REMOVE', 'DELETE', 'DETACH', 'FOREACH', 'WHERE', 'ORDER', 'SKIP', 'LIMIT']);

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }
  private next(): Token {
    return this.tokens[this.pos++];
  }
  /** Is the next token keyword `word` (case-insensitive, never a quoted identifier)? */
  private isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'ident' && token.value !== 'quoted' && token.text.toUpperCase() === word;
  }
  private acceptWord(...words: string[]): boolean {
    if (!words.every((w, i) => this.isWord(w, i))) return false;
    this.pos += words.length;
    return true;
  }
  private expectWord(...words: string[]): void {
    if (!this.acceptWord(...words)) this.fail(`expected ${words.join(' ')}`);
  }
  private isPunct(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'punct' && token.text === text;
  }
  private accept(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.pos++;
    return true;
  }
  private expect(text: string): void {
    if (!this.accept(text)) this.fail(`expected '${text}'`);
  }
  private fail(message: string): never {
    const token = this.peek();
    throw new CypherSyntaxError(`${message} at ${token.at} (found '${token.text || 'end of input'}')`);
  }
  private identifier(): string {
    const token = this.next();
    if (token.kind !== 'ident') this.pos--, this.fail('expected an identifier');
    return token.text;
  }

  statement(): Statement {
    const clauses = this.clauses();
    if (this.peek().kind !== 'eof') this.fail('unexpected input');
    return { kind: 'query', clauses };
  }

  private clauses(): Clause[] {
    const clauses: Clause[] = [];
    for (;;) {
      const clause = this.clause();
      if (!clause) return clauses;
      clauses.push(clause);
    }
  }

  private clause(): Clause | undefined {
    if (this.acceptWord('OPTIONAL', 'MATCH')) return this.match(true);
    if (this.acceptWord('MATCH')) return this.match(false);
    if (this.acceptWord('UNWIND')) {
      const expr = this.expression();
      this.expectWord('AS');
      return { c: 'unwind', expr, alias: this.identifier() };
    }
    if (this.acceptWord('MERGE')) return { c: 'merge', pattern: this.pattern() };
    if (this.acceptWord('CREATE')) return { c: 'create', patterns: this.patterns() };
    if (this.acceptWord('WITH')) {
      const projection = this.projection();
      const where = this.acceptWord('WHERE') ? this.expression() : undefined;
      return { c: 'with', ...projection, where };
    }
    if (this.acceptWord('RETURN')) return { c: 'return', ...this.projection() };
    if (this.acceptWord('SET')) return { c: 'set', items: this.list(() => this.setItem()) };
    if (this.acceptWord('REMOVE')) return { c: 'remove', items: this.list(() => this.removeItem()) };
    if (this.acceptWord('DETACH', 'DELETE')) return { c: 'delete', detach: true, exprs: this.list(() => this.expression()) };
    if (this.acceptWord('DELETE')) return { c: 'delete', detach: false, exprs: this.list(() => this.expression()) };
    if (this.acceptWord('FOREACH')) {
      this.expect('(');
      const variable = this.identifier();
      this.expectWord('IN');
      const list = this.expression();
      this.expect('|');
      const body = this.clauses();
      this.expect(')');
      return { c: 'foreach', variable, list, body };
    }
    return undefined;
  }

  private list<T>(item: () => T): T[] {
    const items = [item()];
    while (this.accept(',')) items.push(item());
    return items;
  }

  private match(optional: boolean): Clause {
    const patterns = this.patterns();
    const where = this.acceptWord('WHERE') ? this.expression() : undefined;
    return { c: 'match', optional, patterns, where };
  }

  private setItem(): SetItem {
    const variable = this.identifier();
    if (this.isPunct(':')) return { k: 'labels', variable, labels: this.labels() };
    if (this.accept('=')) return { k: 'replace', variable, expr: this.expression() };
    if (this.accept('+=')) return { k: 'merge', variable, expr: this.expression() };
    this.expect('.');
    const name = this.identifier();
    this.expect('=');
    return { k: 'prop', variable, name, expr: this.expression() };
  }

  private removeItem(): RemoveItem {
    const variable = this.identifier();
    if (this.isPunct(':')) return { k: 'labels', variable, labels: this.labels() };
    this.expect('.');
    return { k: 'prop', variable, name: this.identifier() };
  }

  private labels(): string[] {
    const labels: string[] = [];
    while (this.accept(':')) labels.push(this.identifier());
    return labels;
  }

  private projection(): Projection {
    const distinct = this.acceptWord('DISTINCT');
    const items = this.list((): ProjectionItem => {
      const start = this.peek();
      const expr = this.expression();
      if (this.acceptWord('AS')) return { expr, alias: this.identifier() };
      if (expr.t === 'var') return { expr, alias: expr.name };
      // Neo4j names an unaliased column by its text; the engine only needs a stable name.
      return { expr, alias: `${start.text}#${start.at}` };
    });
    const order: OrderItem[] = [];
    if (this.acceptWord('ORDER', 'BY')) {
      order.push(
        ...this.list(() => {
          const expr = this.expression();
          const descending = this.acceptWord('DESC') || this.acceptWord('DESCENDING');
          if (!descending) this.acceptWord('ASC') || this.acceptWord('ASCENDING');
          return { expr, descending };
        }),
      );
    }
    const skip = this.acceptWord('SKIP') ? this.expression() : undefined;
    const limit = this.acceptWord('LIMIT') ? this.expression() : undefined;
    return { distinct, items, order, skip, limit };
  }

  private patterns(): Pattern[] {
    return this.list(() => this.pattern());
  }

  private pattern(): Pattern {
    const nodes = [this.nodePattern()];
    const rels: RelPattern[] = [];
    while (this.isPunct('-') || this.isPunct('<-')) {
      rels.push(this.relPattern());
      nodes.push(this.nodePattern());
    }
    return { nodes, rels };
  }

  private nodePattern(): NodePattern {
    this.expect('(');
    const variable = this.peek().kind === 'ident' ? this.identifier() : undefined;
    const labels = this.labels();
    const props = this.isPunct('{') ? this.expression() : undefined;
    this.expect(')');
    return { variable, labels, props };
  }

  private relPattern(): RelPattern {
    const incoming = this.accept('<-');
    if (!incoming) this.expect('-');
    let variable: string | undefined;
    const types: string[] = [];
    let props: Expr | undefined;
    let hops: { min: number; max: number } | undefined;
    if (this.accept('[')) {
      if (this.peek().kind === 'ident') variable = this.identifier();
      if (this.accept(':')) {
        types.push(this.identifier());
        while (this.accept('|')) {
          this.accept(':');
          types.push(this.identifier());
        }
      }
      if (this.accept('*')) hops = this.hops();
      if (this.isPunct('{')) props = this.expression();
      this.expect(']');
    }
    const outgoing = this.accept('->');
    if (!outgoing) this.expect('-');
    if (incoming && outgoing) this.fail('a relationship has one direction');
    return { variable, types, direction: incoming ? 'in' : outgoing ? 'out' : 'both', props, ...(hops ? { hops } : {}) };
  }

  /** After `*`: `n`, `min..max`, `..max` or `min..`. An open upper bound is refused: the engine bounds every path. */
  private hops(): { min: number; max: number } {
    const count = (): number | undefined => (this.peek().kind === 'number' ? (this.next().value as number) : undefined);
    const min = count();
    if (!this.accept('..')) {
      if (min === undefined) this.fail('a variable-length relationship needs an upper bound');
      return { min, max: min };
    }
    const max = count();
    if (max === undefined) this.fail('a variable-length relationship needs an upper bound');
    return { min: min ?? 1, max };
  }

  // ---- expressions, lowest precedence first ----

  expression(): Expr {
    return this.binaryLevel(['OR'], () => this.binaryLevel(['XOR'], () => this.binaryLevel(['AND'], () => this.notLevel())));
  }

  private binaryLevel(ops: BinaryOp[], operand: () => Expr): Expr {
    let left = operand();
    for (;;) {
      const op = ops.find((o) => this.isWord(o));
      if (!op) return left;
      this.pos++;
      left = { t: 'bin', op, l: left, r: operand() };
    }
  }

  private notLevel(): Expr {
    if (this.acceptWord('NOT')) return { t: 'not', e: this.notLevel() };
    return this.comparison();
  }

  private comparison(): Expr {
    let left = this.additive();
    for (;;) {
      const punct = ['=', '<>', '<=', '>=', '<', '>', '=~'].find((p) => this.isPunct(p)) as BinaryOp | undefined;
      if (punct) {
        this.pos++;
        left = { t: 'bin', op: punct, l: left, r: this.additive() };
      } else if (this.acceptWord('STARTS', 'WITH')) left = { t: 'bin', op: 'STARTS WITH', l: left, r: this.additive() };
      else if (this.acceptWord('ENDS', 'WITH')) left = { t: 'bin', op: 'ENDS WITH', l: left, r: this.additive() };
      else if (this.acceptWord('CONTAINS')) left = { t: 'bin', op: 'CONTAINS', l: left, r: this.additive() };
      else if (this.acceptWord('IN')) left = { t: 'bin', op: 'IN', l: left, r: this.additive() };
      else if (this.acceptWord('IS', 'NOT', 'NULL')) left = { t: 'isnull', e: left, negated: true };
      else if (this.acceptWord('IS', 'NULL')) left = { t: 'isnull', e: left, negated: false };
      else return left;
    }
  }

  private additive(): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.isPunct('+') ? '+' : this.isPunct('-') ? '-' : undefined;
      if (!op) return left;
      this.pos++;
      left = { t: 'bin', op, l: left, r: this.unary() };
    }
  }

  private unary(): Expr {
    if (this.accept('-')) return { t: 'neg', e: this.unary() };
    return this.postfix(this.atom());
  }

  private postfix(base: Expr): Expr {
    let expr = base;
    for (;;) {
      if (this.accept('.')) expr = { t: 'prop', obj: expr, name: this.identifier() };
      else if (this.accept('[')) {
        const key = this.expression();
        this.expect(']');
        expr = { t: 'index', obj: expr, key };
      } else if (this.isPunct(':') && expr.t === 'var') expr = { t: 'labels', e: expr, labels: this.labels() };
      else return expr;
    }
  }

  private atom(): Expr {
    const token = this.next();
    switch (token.kind) {
      case 'number':
      case 'string':
        return { t: 'lit', v: token.value };
      case 'param':
        return { t: 'param', name: token.text };
      case 'punct':
        if (token.text === '(') {
          const inner = this.expression();
          this.expect(')');
          return inner;
        }
        if (token.text === '[') {
          const items: Expr[] = [];
          if (!this.accept(']')) {
            items.push(...this.list(() => this.expression()));
            this.expect(']');
          }
          return { t: 'list', items };
        }
        if (token.text === '{') {
          const entries: [string, Expr][] = [];
          if (!this.accept('}')) {
            entries.push(
              ...this.list((): [string, Expr] => {
                const name = this.identifier();
                this.expect(':');
                return [name, this.expression()];
              }),
            );
            this.expect('}');
          }
          return { t: 'map', entries };
        }
        break;
      case 'ident':
        return this.identifierAtom(token);
    }
    this.pos--;
    return this.fail('expected an expression');
  }

  private identifierAtom(token: Token): Expr {
    const word = token.value === 'quoted' ? '' : token.text.toUpperCase();
    if (word === 'TRUE' || word === 'FALSE') return { t: 'lit', v: word === 'TRUE' };
    if (word === 'NULL') return { t: 'lit', v: null };
    if (word === 'CASE') {
      const whens: [Expr, Expr][] = [];
      while (this.acceptWord('WHEN')) {
        const condition = this.expression();
        this.expectWord('THEN');
        whens.push([condition, this.expression()]);
      }
      const otherwise = this.acceptWord('ELSE') ? this.expression() : undefined;
      this.expectWord('END');
      return { t: 'case', whens, otherwise };
    }
    if (word === 'EXISTS' && this.accept('{')) {
      this.expectWord('MATCH');
      const patterns = this.patterns();
      const where = this.acceptWord('WHERE') ? this.expression() : undefined;
      this.expect('}');
      return { t: 'exists', patterns, where };
    }
    if ((word === 'ANY' || word === 'ALL' || word === 'NONE') && this.isPunct('(') && this.peek(2).kind === 'ident' && this.peek(2).text.toUpperCase() === 'IN') {
      this.expect('(');
      const variable = this.identifier();
      this.expectWord('IN');
      const list = this.expression();
      this.expectWord('WHERE');
      const where = this.expression();
      this.expect(')');
      return { t: 'listpred', fn: word.toLowerCase() as 'any' | 'all' | 'none', variable, list, where };
    }
    if (this.accept('(')) {
      if (this.accept('*')) {
        this.expect(')');
        return { t: 'call', name: token.text.toLowerCase(), args: [], star: true };
      }
      const args = this.isPunct(')') ? [] : this.list(() => this.expression());
      this.expect(')');
      return { t: 'call', name: token.text.toLowerCase(), args, star: false };
    }
    if (CLAUSE_STARTS.has(word) && token.value !== 'quoted') {
      this.pos--;
      this.fail('expected an expression');
    }
    return { t: 'var', name: token.text };
  }
}

/** Parses one statement. Schema commands (CREATE CONSTRAINT / INDEX) are recognised, not interpreted. */
export function parseStatement(text: string): Statement {
  if (/^\s*(CREATE|DROP)\s+(CONSTRAINT|INDEX)\b/i.test(text)) return { kind: 'schema', text };
  return new Parser(tokenize(text)).statement();
}
