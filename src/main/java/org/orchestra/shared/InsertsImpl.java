package org.orchestra.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.transaction.annotation.Transactional;

/** The {@link Inserts} fragment of every repository that declares it. */
class InsertsImpl<T> implements Inserts<T> {

	@PersistenceContext
	private EntityManager entityManager;

	@Override
	@Transactional
	public <S extends T> S insert(S entity) {
		entityManager.persist(entity);
		return entity;
	}
}
