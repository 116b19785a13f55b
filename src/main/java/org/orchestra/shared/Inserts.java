package org.orchestra.shared;

/**
 * Repository fragment for entities whose identifier is assigned before they are stored (UUIDs, chain sequence
 * numbers, codes). A repository's {@code save} cannot tell such a new entity from a detached one, so it merges: a
 * select by identifier, then the insert. {@code insert} stores a new entity directly; storing one whose identifier
 * is already taken fails on the primary key instead of overwriting it.
 */
public interface Inserts<T> {

	<S extends T> S insert(S entity);
}
