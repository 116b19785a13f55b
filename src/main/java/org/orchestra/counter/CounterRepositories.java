package org.orchestra.counter;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.orchestra.shared.Inserts;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DocumentTypes extends JpaRepository<DocumentType, String> {

	List<DocumentType> findAllByOrderByPositionAsc();
}

interface CounterOfferings extends JpaRepository<Offering, UUID> {

	List<Offering> findByOrganisationId(String organisationId);

	Optional<Offering> findByOrganisationIdAndDocumentCode(String organisationId, String documentCode);
}

interface Requests extends JpaRepository<DocumentRequest, Long>, JpaSpecificationExecutor<DocumentRequest> {

	Optional<DocumentRequest> findByReference(String reference);

	Optional<DocumentRequest> findByRequesterAccountAndIdempotencyKey(String account, String key);

	Page<DocumentRequest> findByRequesterAccountOrderByCreatedAtDesc(String account, Pageable page);

	@Query("select r.documentCode, count(r) from DocumentRequest r where r.createdAt >= :since group by r.documentCode order by count(r) desc")
	List<Object[]> countByDocumentSince(@Param("since") Instant since);

	@Query("select r.status, count(r) from DocumentRequest r where r.organisationId = :org group by r.status")
	List<Object[]> countByStatus(@Param("org") String organisation);

	@Query("select r.documentCode, count(r) from DocumentRequest r where r.organisationId = :org group by r.documentCode order by count(r) desc")
	List<Object[]> countByDocument(@Param("org") String organisation);

	@Query("select count(r) from DocumentRequest r where r.organisationId = :org and r.status in :open and r.dueDate < CURRENT_DATE")
	long countOverdue(@Param("org") String organisation, @Param("open") Collection<RequestStatus> open);

	@Query("select r.createdAt, r.closedAt from DocumentRequest r where r.organisationId = :org and r.closedAt is not null and r.closedAt >= :since")
	List<Object[]> closedSince(@Param("org") String organisation, @Param("since") Instant since);

	@Query("select r from DocumentRequest r where r.erased = false and r.closedAt is not null and r.closedAt < :before")
	List<DocumentRequest> closedBefore(@Param("before") Instant before, Pageable page);
}

interface RequestEvents extends JpaRepository<RequestEvent, UUID>, Inserts<RequestEvent> {

	List<RequestEvent> findByRequestIdOrderByAtAsc(long requestId);

	@org.springframework.data.jpa.repository.Modifying
	@Query("update RequestEvent e set e.note = null where e.requestId = :request")
	int eraseNotes(@Param("request") long requestId);
}

interface RequestMessages extends JpaRepository<RequestMessage, UUID> {

	List<RequestMessage> findByRequestIdOrderByAtAsc(long requestId);

	Optional<RequestMessage> findByRequestIdAndDocumentId(long requestId, UUID documentId);

	@org.springframework.data.jpa.repository.Modifying
	@Query("update RequestMessage m set m.body = '', m.author = '-', m.fileName = null where m.requestId = :request")
	int erase(@Param("request") long requestId);
}

interface AnswerTemplates extends JpaRepository<AnswerTemplate, UUID> {

	List<AnswerTemplate> findByOrganisationIdOrderByTitleAsc(String organisationId);
}

interface AddressChanges extends JpaRepository<AddressChange, Long> {

	Optional<AddressChange> findByReference(String reference);

	List<AddressChange> findByRequesterAccountOrderByCreatedAtDesc(String account);

	Page<AddressChange> findByOrganisationIdAndStatusOrderByCreatedAtAsc(String organisationId,
			AddressChange.Status status, Pageable page);

	Page<AddressChange> findByOrganisationIdOrderByCreatedAtDesc(String organisationId, Pageable page);

	boolean existsByRequesterNnAndStatus(String nn, AddressChange.Status status);

	@Query("select c from AddressChange c where c.status <> :pending and c.requesterName <> '-' and c.decidedAt < :before")
	List<AddressChange> decidedBefore(@Param("pending") AddressChange.Status pending, @Param("before") Instant before,
			Pageable page);
}
