package org.orchestra.incident;

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

interface Reports extends JpaRepository<IncidentReport, Long>, JpaSpecificationExecutor<IncidentReport> {

	Optional<IncidentReport> findByIdempotencyKey(String key);

	Optional<IncidentReport> findByConfirmationToken(String token);

	@Query("""
			select r from IncidentReport r
			where r.lon between :minLon and :maxLon and r.lat between :minLat and :maxLat
			  and r.status in :statuses and r.privateReport = false
			order by r.createdAt desc""")
	List<IncidentReport> within(@Param("minLon") double minLon, @Param("maxLon") double maxLon,
			@Param("minLat") double minLat, @Param("maxLat") double maxLat,
			@Param("statuses") Collection<ReportStatus> statuses, Pageable page);

	Page<IncidentReport> findByReporterAccountOrderByCreatedAtDesc(String account, Pageable page);

	@Query("select r.nisCode, count(r) from IncidentReport r where r.organisationId = :org and r.status <> org.orchestra.incident.ReportStatus.UNCONFIRMED group by r.nisCode")
	List<Object[]> countByCommune(@Param("org") String organisation);

	@Query("select r.categoryCode, count(r) from IncidentReport r where r.organisationId = :org and r.status <> org.orchestra.incident.ReportStatus.UNCONFIRMED group by r.categoryCode")
	List<Object[]> countByCategory(@Param("org") String organisation);

	@Query("select r.status, count(r) from IncidentReport r where r.organisationId = :org and r.status <> org.orchestra.incident.ReportStatus.UNCONFIRMED group by r.status")
	List<Object[]> countByStatus(@Param("org") String organisation);

	@Query("select r.source, count(r) from IncidentReport r where r.organisationId = :org and r.status <> org.orchestra.incident.ReportStatus.UNCONFIRMED group by r.source")
	List<Object[]> countBySource(@Param("org") String organisation);

	@Query("select r.createdAt, r.closedAt from IncidentReport r where r.organisationId = :org and r.closedAt is not null and r.status in (org.orchestra.incident.ReportStatus.SOLVED, org.orchestra.incident.ReportStatus.CLOSED)")
	List<Object[]> resolutionTimes(@Param("org") String organisation);

	@Query("select r from IncidentReport r where r.updatedAt >= :since and r.status in :statuses and r.privateReport = false order by r.updatedAt")
	List<IncidentReport> updatedSince(@Param("since") Instant since, @Param("statuses") Collection<ReportStatus> statuses,
			Pageable page);
}

interface Events extends JpaRepository<IncidentEvent, UUID>, Inserts<IncidentEvent> {

	List<IncidentEvent> findByReportIdOrderByAtAsc(long reportId);

	boolean existsByTypeAndNoteStartingWith(String type, String prefix);

	@Query("select e from IncidentEvent e where e.at >= :from and e.at < :to and e.visibility = org.orchestra.incident.Visibility.PUBLIC order by e.at")
	List<IncidentEvent> publicBetween(@Param("from") Instant from, @Param("to") Instant to, Pageable page);
}

interface Comments extends JpaRepository<IncidentComment, UUID> {

	List<IncidentComment> findByReportIdOrderByAtAsc(long reportId);
}

interface Photos extends JpaRepository<IncidentPhoto, UUID> {

	List<IncidentPhoto> findByReportIdOrderByAddedAtAsc(long reportId);

	List<IncidentPhoto> findBySha256(String sha256);

	@Query("select p from IncidentPhoto p where p.reportId in :reports and p.visibility = org.orchestra.incident.Visibility.PUBLIC order by p.addedAt")
	List<IncidentPhoto> publicOf(@Param("reports") Collection<Long> reports);
}

interface Subscriptions extends JpaRepository<Subscription, UUID>, Inserts<Subscription> {

	List<Subscription> findByReportId(long reportId);

	Optional<Subscription> findByReportIdAndEmailIgnoreCase(long reportId, String email);

	Optional<Subscription> findByToken(String token);
}

interface DispatchRules extends JpaRepository<DispatchRule, UUID> {

	Optional<DispatchRule> findByOrganisationIdAndCategoryCode(String organisationId, String categoryCode);

	List<DispatchRule> findByOrganisationIdOrderByCategoryCode(String organisationId);
}

interface ApiKeys extends JpaRepository<ApiKey, UUID> {

	Optional<ApiKey> findByKeyHashAndActiveTrue(String keyHash);

	List<ApiKey> findAllByOrderByCreatedAtDesc();
}

interface WebhookHooks extends JpaRepository<Webhook, UUID> {

	List<Webhook> findByOrganisationIdAndActiveTrue(String organisationId);
}

interface WebhookDeliveries extends JpaRepository<WebhookDelivery, UUID> {

	@Query("select d from WebhookDelivery d where d.status = 'PENDING' and d.nextAttemptAt <= :now order by d.nextAttemptAt")
	List<WebhookDelivery> due(@Param("now") Instant now, Pageable page);

	List<WebhookDelivery> findTop50ByWebhookIdOrderByCreatedAtDesc(UUID webhookId);
}
