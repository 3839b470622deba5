/**
 * Rebalancing triggers: turns each household of a book into rule facts (class drift, portfolio state,
 * tax lots, life events), runs the triggers workbook over them and returns the hits per household with
 * their action, priority and explanation.
 *
 * <p>The fact classes in this package are the vocabulary of the triggers workbook: their getters are
 * the fields a condition may test and a description may quote. They are plain classes with getters,
 * not records, because Drools' MVEL conditions read bean properties.
 */
package trimtab.engine.trigger;
