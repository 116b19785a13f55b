package org.orchestra.audit;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ChainHeads extends Repository<ChainHead, Integer> {

	@Query("select h from ChainHead h where h.id = 1")
	ChainHead head();
}
