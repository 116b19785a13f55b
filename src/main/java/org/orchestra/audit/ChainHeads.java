package org.orchestra.audit;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ChainHeads extends Repository<ChainHead, Integer> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select h from ChainHead h where h.id = 1")
	ChainHead lockHead();

	@Query("select h from ChainHead h where h.id = 1")
	ChainHead head();
}
