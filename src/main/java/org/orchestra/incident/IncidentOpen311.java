package org.orchestra.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;

import org.jspecify.annotations.Nullable;
import org.orchestra.identity.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the Open311 GeoReport v2 endpoint needs: API keys, public request queries, and status updates posted by
 * back-office systems (the mySociety {@code servicerequestupdates} extension).
 */
@Service
@Transactional
public class IncidentOpen311 {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiKeys keys;
	private final Reports reports;
	private final Events events;
	private final Photos photos;
	private final CurrentUser currentUser;
	private final ApplicationEventPublisher publisher;

	IncidentOpen311(ApiKeys keys, Reports reports, Events events, Photos photos, CurrentUser currentUser,
			ApplicationEventPublisher publisher) {
		this.keys = keys;
		this.reports = reports;
		this.events = events;
		this.photos = photos;
		this.currentUser = currentUser;
		this.publisher = publisher;
	}

	/** A new key, shown once: only its hash is kept. */
	public record IssuedKey(ApiKey key, String secret) {
	}

	public IssuedKey issueKey(String client, @Nullable String organisation) {
		requireKeyAdmin();
		if (client == null || client.isBlank() || client.length() > 100) {
			throw new IncidentException("incident.error.client-name");
		}
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		String secret = "o311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		ApiKey key = keys.save(new ApiKey(client.trim(), hash(secret), secret.substring(0, 9), currentUser.actorName(),
				organisation == null || organisation.isBlank() ? null : organisation.trim()));
		return new IssuedKey(key, secret);
	}

	public void revokeKey(UUID id) {
		requireKeyAdmin();
		keys.findById(id).ifPresent(ApiKey::revoke);
	}

	@Transactional(readOnly = true)
	public List<ApiKey> keys() {
		requireKeyAdmin();
		return keys.findAllByOrderByCreatedAtDesc();
	}

	/** The client behind an API key, if the key is valid. */
	@Transactional(readOnly = true)
	public Optional<ApiKey> client(@Nullable String apiKey) {
		if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
			return Optional.empty();
		}
		return keys.findByKeyHashAndActiveTrue(hash(apiKey.trim()));
	}

	/** Request list criteria of GeoReport v2 (already validated). */
	public record Query(List<Long> ids, List<String> serviceCodes, @Nullable Instant start, @Nullable Instant end,
			@Nullable Boolean open, int page, int pageSize) {
	}

	@Transactional(readOnly = true)
	public List<IncidentReport> requests(Query query) {
		Specification<IncidentReport> spec = (root, q, cb) -> {
			List<Predicate> where = new ArrayList<>();
			where.add(cb.isFalse(root.get("privateReport")));
			where.add(root.get("status").in(IncidentReporting.PUBLISHED));
			if (!query.ids().isEmpty()) {
				where.add(root.get("id").in(query.ids()));
			}
			else {
				if (!query.serviceCodes().isEmpty()) {
					where.add(root.get("categoryCode").in(query.serviceCodes()));
				}
				if (query.start() != null) {
					where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), query.start()));
				}
				if (query.end() != null) {
					where.add(cb.lessThanOrEqualTo(root.get("createdAt"), query.end()));
				}
				if (query.open() != null) {
					where.add(root.get("status").in(query.open() ? IncidentReporting.OPEN_PUBLISHED
							: EnumSet.of(ReportStatus.SOLVED, ReportStatus.CLOSED, ReportStatus.REFUSED,
									ReportStatus.MERGED)));
				}
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
		PageRequest page = PageRequest.of(query.page() - 1, query.pageSize(), Sort.by(Sort.Direction.DESC, "createdAt"));
		return reports.findBy(spec, q -> q.slice(page)).getContent();
	}

	@Transactional(readOnly = true)
	public Optional<IncidentReport> request(long id) {
		return reports.findById(id).filter(IncidentReport::isPublic);
	}

	@Transactional(readOnly = true)
	public List<IncidentEvent> publicNotes(long id) {
		return events.findByReportIdOrderByAtAsc(id).stream().filter(e -> e.visibility() == Visibility.PUBLIC).toList();
	}

	@Transactional(readOnly = true)
	public java.util.Map<Long, String> firstPublicPhotos(java.util.Collection<Long> ids) {
		java.util.Map<Long, String> first = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			photos.publicOf(ids).forEach(p -> first.putIfAbsent(p.reportId(), p.sha256()));
		}
		return first;
	}

	@Transactional(readOnly = true)
	public @Nullable String firstPublicPhoto(long id) {
		return photos.findByReportIdOrderByAddedAtAsc(id)
			.stream()
			.filter(p -> p.visibility() == Visibility.PUBLIC)
			.map(IncidentPhoto::sha256)
			.findFirst()
			.orElse(null);
	}

	/** Public changes of public reports between two instants, oldest first. */
	@Transactional(readOnly = true)
	public List<IncidentEvent> updates(Instant from, Instant to, int limit) {
		return events.publicBetween(from, to, PageRequest.of(0, limit))
			.stream()
			.filter(e -> request(e.reportId()).isPresent())
			.toList();
	}

	/**
	 * A back-office system posts a status update. Its key must belong to the organisation responsible for the
	 * report; an update id is accepted once.
	 */
	public IncidentEvent postUpdate(ApiKey client, long reportId, String updateId, String status, String description) {
		IncidentReport report = reports.findById(reportId)
			.filter(r -> r.status() != ReportStatus.UNCONFIRMED)
			.orElseThrow(() -> new IncidentException("service_request_id not found", 400));
		if (client.organisationId() == null || !client.organisationId().equals(report.organisationId())) {
			throw new IncidentException("api_key is not allowed to update this request", 403);
		}
		if (events.existsByTypeAndNoteStartingWith("open311-update", "update_id:" + updateId + "|")) {
			throw new IncidentException("update_id already exists", 400);
		}
		ReportStatus target = switch (status.trim().toUpperCase(Locale.ROOT).replace(' ', '_')) {
			case "OPEN", "IN_PROGRESS", "INVESTIGATING", "ACTION_SCHEDULED", "REOPEN" -> ReportStatus.IN_PROGRESS;
			case "FIXED" -> ReportStatus.SOLVED;
			case "CLOSED", "NO_FURTHER_ACTION", "NOT_COUNCILS_RESPONSIBILITY", "CANCELLED", "DUPLICATE",
					"INTERNAL_REFERRAL" -> ReportStatus.CLOSED;
			default -> throw new IncidentException("status is not valid", 400);
		};
		if (target != report.status()) {
			try {
				report.updateStatusFromBackOffice(target, description);
			}
			catch (IncidentException ex) {
				throw new IncidentException("status change not allowed from " + report.status(), 400);
			}
		}
		String actor = "open311:" + client.client();
		IncidentEvent event = events.save(new IncidentEvent(report.id(), "open311-update", Visibility.PUBLIC, actor,
				report.organisationId(), "update_id:" + updateId + "|" + description));
		publisher.publishEvent(new IncidentChanged(report.id(), "open311-update", Visibility.PUBLIC,
				report.organisationId(), actor, description, report.status()));
		return event;
	}

	private void requireKeyAdmin() {
		if (!currentUser.hasPrivilege(IncidentRoles.KEYS)) {
			throw new AccessDeniedException("Missing privilege " + IncidentRoles.KEYS);
		}
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
