/**
 * The property graph the engine runs on: nodes with labels and properties, typed directed relationships,
 * indexes by label and by (label, key), and an undo log so a failed statement or a rolled-back transaction
 * leaves no trace.
 */

export type Properties = Record<string, unknown>;

export interface GraphNodeValue {
  readonly kind: 'node';
  readonly id: number;
  readonly labels: Set<string>;
  props: Properties;
  deleted: boolean;
}

export interface GraphRelValue {
  readonly kind: 'rel';
  readonly id: number;
  readonly type: string;
  readonly start: GraphNodeValue;
  readonly end: GraphNodeValue;
  props: Properties;
  deleted: boolean;
}

export class GraphConstraintError extends Error {
  readonly code = 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

const indexKey = (label: string, key: unknown) => `${label}\u0000${String(key)}`;

export class MemoryGraph {
  private nextId = 0;
  private readonly all = new Set<GraphNodeValue>();
  private readonly byLabel = new Map<string, Set<GraphNodeValue>>();
  private readonly byLabelKey = new Map<string, Set<GraphNodeValue>>();
  private readonly outgoing = new Map<GraphNodeValue, Set<GraphRelValue>>();
  private readonly incoming = new Map<GraphNodeValue, Set<GraphRelValue>>();
  private readonly undoLog: (() => void)[] = [];

  /** A point to roll back to. */
  mark(): number {
    return this.undoLog.length;
  }
  /** Undoes every change made since `mark`. */
  rollback(mark: number): void {
    while (this.undoLog.length > mark) this.undoLog.pop()!();
  }
  /** Keeps every change since `mark` (forgets how to undo them). */
  commit(mark: number): void {
    this.undoLog.length = Math.min(this.undoLog.length, mark);
  }

  /** Nodes carrying `label` (every node without one), narrowed by the `key` property when given. */
  candidates(label: string | undefined, key?: unknown): Iterable<GraphNodeValue> {
    if (label === undefined) return this.all;
    if (key !== undefined && key !== null) return this.byLabelKey.get(indexKey(label, key)) ?? [];
    return this.byLabel.get(label) ?? [];
  }

  relationships(node: GraphNodeValue, direction: 'out' | 'in'): Iterable<GraphRelValue> {
    return (direction === 'out' ? this.outgoing : this.incoming).get(node) ?? [];
  }

  private index(node: GraphNodeValue, label: string, add: boolean): void {
    const edit = (map: Map<string, Set<GraphNodeValue>>, k: string) => {
      if (add) map.set(k, (map.get(k) ?? new Set()).add(node));
      else map.get(k)?.delete(node);
    };
    edit(this.byLabel, label);
    if (node.props.key !== undefined) edit(this.byLabelKey, indexKey(label, node.props.key));
  }

  createNode(labels: readonly string[], props: Properties): GraphNodeValue {
    const node: GraphNodeValue = { kind: 'node', id: this.nextId++, labels: new Set(), props: {}, deleted: false };
    this.all.add(node);
    this.undoLog.push(() => {
      this.all.delete(node);
      node.deleted = true;
    });
    this.setProperties(node, props);
    for (const label of labels) this.addLabel(node, label);
    return node;
  }

  createRelationship(type: string, start: GraphNodeValue, end: GraphNodeValue, props: Properties): GraphRelValue {
    if (start.deleted || end.deleted) throw new Error('cannot create a relationship to a deleted node');
    const rel: GraphRelValue = { kind: 'rel', id: this.nextId++, type, start, end, props: { ...props }, deleted: false };
    this.link(rel, true);
    this.undoLog.push(() => this.link(rel, false));
    return rel;
  }

  private link(rel: GraphRelValue, add: boolean): void {
    rel.deleted = !add;
    for (const [map, node] of [[this.outgoing, rel.start], [this.incoming, rel.end]] as const) {
      if (add) map.set(node, (map.get(node) ?? new Set()).add(rel));
      else map.get(node)?.delete(rel);
    }
  }

  /** Replaces every property (`SET x = map`); null values are not stored. */
  setProperties(entity: GraphNodeValue | GraphRelValue, props: Properties): void {
    const before = entity.props;
    const after: Properties = {};
    for (const [name, value] of Object.entries(props)) if (value !== null && value !== undefined) after[name] = value;
    this.reindex(entity, () => (entity.props = after));
    this.undoLog.push(() => this.reindex(entity, () => (entity.props = before)));
  }

  setProperty(entity: GraphNodeValue | GraphRelValue, name: string, value: unknown): void {
    const next = { ...entity.props };
    if (value === null || value === undefined) delete next[name];
    else next[name] = value;
    this.setProperties(entity, next);
  }

  /** Runs `change`, keeping the (label, key) index right when it changes a node's key. */
  private reindex(entity: GraphNodeValue | GraphRelValue, change: () => void): void {
    if (entity.kind === 'rel') return void change();
    for (const label of entity.labels) this.index(entity, label, false);
    change();
    for (const label of entity.labels) this.index(entity, label, true);
  }

  addLabel(node: GraphNodeValue, label: string): void {
    if (node.labels.has(label)) return;
    node.labels.add(label);
    this.index(node, label, true);
    this.undoLog.push(() => {
      this.index(node, label, false);
      node.labels.delete(label);
    });
  }

  removeLabel(node: GraphNodeValue, label: string): void {
    if (!node.labels.has(label)) return;
    this.index(node, label, false);
    node.labels.delete(label);
    this.undoLog.push(() => {
      node.labels.add(label);
      this.index(node, label, true);
    });
  }

  deleteRelationship(rel: GraphRelValue): void {
    if (rel.deleted) return;
    this.link(rel, false);
    this.undoLog.push(() => this.link(rel, true));
  }

  /** DELETE (fails while the node has relationships) or DETACH DELETE. */
  deleteNode(node: GraphNodeValue, detach: boolean): void {
    if (node.deleted) return;
    const rels = [...this.relationships(node, 'out'), ...this.relationships(node, 'in')];
    if (rels.length > 0 && !detach) throw new GraphConstraintError(`Cannot delete node<${node.id}>, because it still has relationships. To delete this node, you must first delete its relationships.`);
    for (const rel of rels) this.deleteRelationship(rel);
    for (const label of node.labels) this.index(node, label, false);
    this.all.delete(node);
    node.deleted = true;
    this.undoLog.push(() => {
      node.deleted = false;
      this.all.add(node);
      for (const label of node.labels) this.index(node, label, true);
    });
  }

  clear(): void {
    for (const node of [...this.all]) this.deleteNode(node, true);
    this.undoLog.length = 0;
  }
}
