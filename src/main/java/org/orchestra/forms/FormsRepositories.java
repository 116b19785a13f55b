package org.orchestra.forms;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Forms extends JpaRepository<Form, UUID> {

	Optional<Form> findByKey(String key);

	List<Form> findAllByOrderByKeyAsc();
}

interface FormVersions extends JpaRepository<FormVersion, UUID> {

	List<FormVersion> findByFormIdOrderByNumberDesc(UUID formId);

	Optional<FormVersion> findFirstByFormIdAndStatus(UUID formId, VersionStatus status);

	List<FormVersion> findByStatus(VersionStatus status);

	@Query("select coalesce(max(v.number), 0) from FormVersion v where v.formId = :form")
	int lastNumber(@Param("form") UUID formId);
}

interface Offerings extends JpaRepository<Offering, Offering.Key> {

	List<Offering> findByFormId(UUID formId);

	List<Offering> findByOrganisationId(String organisationId);

	boolean existsByOrganisationIdAndFormId(String organisationId, UUID formId);

	void deleteByOrganisationIdAndFormId(String organisationId, UUID formId);
}

interface Submissions extends JpaRepository<Submission, UUID> {

	List<Submission> findByAccountOrderByUpdatedAtDesc(String account);

	Optional<Submission> findByIdAndAccount(UUID id, String account);

	Optional<Submission> findByIdAndOrganisationId(UUID id, String organisationId);

	@Query("""
			select s from Submission s
			where s.organisationId = :org and s.status in :statuses
			order by s.submittedAt desc""")
	Page<Submission> queue(@Param("org") String organisation, @Param("statuses") Collection<SubmissionStatus> statuses,
			Pageable page);

	@Query("""
			select s from Submission s
			where s.organisationId = :org and s.status in :statuses and s.formId = :form
			order by s.submittedAt desc""")
	Page<Submission> queueOfForm(@Param("org") String organisation,
			@Param("statuses") Collection<SubmissionStatus> statuses, @Param("form") UUID form, Pageable page);

	@Query("""
			select s from Submission s
			where s.formId = :form and s.submittedAt is not null and s.submittedAt < :before and s.erasedAt is null""")
	List<Submission> dueForErasure(@Param("form") UUID form, @Param("before") Instant before);

	long countByFormId(UUID formId);
}

interface SubmissionEvents extends JpaRepository<SubmissionEvent, UUID> {

	List<SubmissionEvent> findBySubmissionIdOrderByAtAsc(UUID submissionId);
}
