import {
  GraphQLError, Kind,
  type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule,
} from 'graphql';

/** What one GraphQL operation may ask for. Each limit is checked before anything runs. */
export interface GraphQLLimits {
  /** Lexical tokens in the document, checked while parsing. Default 5,000. */
  maxTokens?: number | undefined;
  /** Nesting of selections, fragments followed. Default 10. */
  maxDepth?: number | undefined;
  /** Aliased fields in one operation (`a: getCourses b: getCourses …` runs a handler per alias). Default 15. */
  maxAliases?: number | undefined;
  /**
   * The cost estimate: each field costs 1 and each top-level field, a handler call, `rootFieldCost`; fragments are
   * counted where they are spread. Default 500.
   */
  maxCost?: number | undefined;
  /** Default 10. */
  rootFieldCost?: number | undefined;
}

export const DEFAULT_LIMITS = { maxTokens: 5_000, maxDepth: 10, maxAliases: 15, maxCost: 500, rootFieldCost: 10 } as const;

/**
 * The validation rules that refuse an operation over a limit: depth, aliases and cost, computed over each operation
 * with its fragments expanded. Introspection fields (`__schema`, `__type`) count for nothing: the standard
 * introspection query is deep, and production turns introspection off. (Written here rather than taken from
 * graphql-armor, whose packages depend on a second copy of `graphql` and would be three more peers to install.)
 */
export function limitRules(options: GraphQLLimits = {}): ValidationRule[] {
  const limits: Record<keyof typeof DEFAULT_LIMITS, number> = { ...DEFAULT_LIMITS, ...definedOnly(options) };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new TypeError(`graphql limits: ${name} must be a whole number of at least 1, got ${value}`);
  }
  return [(context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments = new Map(context.getDocument().definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
      const measured = measure(operation.selectionSet, fragments, limits.rootFieldCost);
      const name = operation.name ? ` ${operation.name.value}` : '';
      const over = (what: string, value: number, limit: number) =>
        context.reportError(new GraphQLError(`operation${name}: ${what} ${value} is over the limit of ${limit}`, { nodes: [operation], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      if (measured.depth > limits.maxDepth) over('depth', measured.depth, limits.maxDepth);
      if (measured.aliases > limits.maxAliases) over('aliases', measured.aliases, limits.maxAliases);
      if (measured.cost > limits.maxCost) over('cost', measured.cost, limits.maxCost);
    },
  })];
}

interface Measured {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * Depth, aliases and cost of a selection set, walking fragments where they are spread. A fragment spread inside
 * itself is a cycle (graphql's own rule reports it); here it counts once. The walk stops after a million selections
 * (counting the cost as that much), so a document built to be expensive to measure is not.
 */
function measure(root: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, rootFieldCost: number): Measured {
  const total: Measured = { depth: 0, aliases: 0, cost: 0 };
  // Selections looked at, fragments included: a document of fragments spreading fragments is bounded too.
  let steps = 0;
  const CEILING = 1_000_000;
  const walk = (set: SelectionSetNode, depth: number, spreading: Set<string>) => {
    for (const selection of set.selections) {
      if (++steps > CEILING) {
        total.cost = Math.max(total.cost, CEILING);
        return;
      }
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        if (selection.alias) total.aliases += 1;
        total.cost += depth === 0 ? rootFieldCost : 1;
        total.depth = Math.max(total.depth, depth + 1);
        if (selection.selectionSet) walk(selection.selectionSet, depth + 1, spreading);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, depth, spreading);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || spreading.has(fragment.name.value)) continue;
        walk(fragment.selectionSet, depth, new Set([...spreading, fragment.name.value]));
      }
    }
  };
  walk(root, 0, new Set());
  return total;
}

function definedOnly(options: GraphQLLimits): Partial<Record<keyof typeof DEFAULT_LIMITS, number>> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}
