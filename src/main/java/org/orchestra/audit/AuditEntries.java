package org.orchestra.audit;

import java.util.List;

import org.orchestra.shared.Inserts;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Append-only access to the trail: entries are inserted and read, never updated or deleted. */
interface AuditEntries extends Repository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry>, Inserts<AuditEntry> {

	@Query("select e from AuditEntry e where e.seq > :after order by e.seq asc")
	List<AuditEntry> batchAfter(@Param("after") long after, Pageable page);
}
