package org.orchestra.incident;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.orchestra.document.DocumentManagement;
import org.orchestra.identity.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The incident module's facade for the public: submit a report (idempotently), find similar reports nearby,
 * confirm, subscribe, ask to reopen, and read what is public.
 */
@Service
public class IncidentReporting {

	static final EnumSet<ReportStatus> PUBLISHED = EnumSet.of(ReportStatus.CREATED, ReportStatus.IN_PROGRESS,
			ReportStatus.CONTRACTOR_ASSIGNED, ReportStatus.SOLVED, ReportStatus.CLOSED, ReportStatus.REFUSED,
			ReportStatus.MERGED);
	static final EnumSet<ReportStatus> OPEN_PUBLISHED = EnumSet.of(ReportStatus.CREATED, ReportStatus.IN_PROGRESS,
			ReportStatus.CONTRACTOR_ASSIGNED);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final Reports reports;
	private final Events events;
	private final Comments comments;
	private final Photos photos;
	private final Subscriptions subscriptions;
	private final IncidentCategories categories;
	private final Routing routing;
	private final PhotoSanitiser sanitiser;
	private final DocumentManagement documents;
	private final ApplicationEventPublisher publisher;
	private final CurrentUser currentUser;
	private final IncidentProperties properties;
	private final TransactionTemplate transactions;
	private final byte[] linkKey;

	IncidentReporting(Reports reports, Events events, Comments comments, Photos photos, Subscriptions subscriptions,
			IncidentCategories categories, Routing routing, PhotoSanitiser sanitiser, DocumentManagement documents,
			ApplicationEventPublisher publisher, CurrentUser currentUser, IncidentProperties properties,
			TransactionTemplate transactions) {
		this.reports = reports;
		this.events = events;
		this.comments = comments;
		this.photos = photos;
		this.subscriptions = subscriptions;
		this.categories = categories;
		this.routing = routing;
		this.sanitiser = sanitiser;
		this.documents = documents;
		this.publisher = publisher;
		this.currentUser = currentUser;
		this.properties = properties;
		this.transactions = transactions;
		byte[] key = properties.linkSecret().getBytes(StandardCharsets.UTF_8);
		if (key.length < 16) {
			key = new byte[32];
			RANDOM.nextBytes(key);
		}
		this.linkKey = key;
	}

	/** A photo made safe and stored, with a signed reference a form can carry to the next step. */
	public record PreparedPhoto(String sha256, String reference, int width, int height, @Nullable double[] gps) {
	}

	/** Sanitises and stores uploaded photos; their GPS position (if any) can propose the location. */
	public List<PreparedPhoto> preparePhotos(List<byte[]> uploads) {
		if (uploads.size() > properties.maxPhotos()) {
			throw new IncidentException("incident.error.too-many-photos");
		}
		List<PreparedPhoto> prepared = new ArrayList<>();
		for (byte[] upload : uploads) {
			PhotoSanitiser.Sanitised clean = sanitiser.sanitise(upload);
			String sha = documents.storeBlob(clean.jpeg());
			prepared.add(new PreparedPhoto(sha, sign(sha), clean.width(), clean.height(), clean.gps().orElse(null)));
		}
		return prepared;
	}

	/** Reads back a prepared photo's signed reference; refuses references this platform did not issue. */
	public PreparedPhoto photoReference(String reference) {
		int dot = reference.indexOf('.');
		String sha = dot < 0 ? "" : reference.substring(0, dot);
		if (!sha.matches("[0-9a-f]{64}") || !sign(sha).equals(reference) || !documents.blobExists(sha)) {
			throw new IncidentException("incident.error.photo-reference");
		}
		return new PreparedPhoto(sha, reference, 0, 0, null);
	}

	/** What a submission produced: the report, and whether it is new (a retried submission is not). */
	public record Submission(IncidentReport report, boolean created) {
	}

	/**
	 * Submits a report. A retried submission with the same idempotency key returns the first report. Citizens who
	 * are not signed in confirm their report through the e-mailed link; professionals report into the queue of the
	 * organisation they act for.
	 */
	public Submission submit(IncidentReport.Draft draft, List<PreparedPhoto> prepared, Locale locale,
			@Nullable String professionalOrganisation) {
		if (draft.idempotencyKey() != null) {
			Optional<IncidentReport> existing = reports.findByIdempotencyKey(draft.idempotencyKey());
			if (existing.isPresent()) {
				return new Submission(existing.get(), false);
			}
		}
		validate(draft);
		Category category = categories.find(draft.categoryCode()).orElseThrow();
		Routing.Decision decision = routing.route(draft.lon(), draft.lat(), category, professionalOrganisation);
		boolean confirmed = draft.source() != Source.CITIZEN || draft.reporterAccount() != null;
		String token = confirmed ? null : UUID.randomUUID().toString().replace("-", "");
		try {
			IncidentReport report = transactions.execute(status -> {
				IncidentReport saved = reports.saveAndFlush(new IncidentReport(draft, decision, confirmed, token));
				for (PreparedPhoto photo : prepared) {
					photos.save(new IncidentPhoto(saved.id(), photo.sha256(), photo.width(), photo.height(),
							draft.privateReport() ? Visibility.PRIVATE : Visibility.PUBLIC));
				}
				String actor = actorName(draft);
				events.insert(new IncidentEvent(saved.id(), "submitted", Visibility.PUBLIC, actor, null, null));
				events.insert(new IncidentEvent(saved.id(), "routed", Visibility.PUBLIC, "routing",
						decision.organisation(), decision.reason()));
				if (draft.reporterEmail() != null) {
					subscriptions.insert(new Subscription(saved.id(), draft.reporterEmail(), locale.getLanguage()));
				}
				publisher.publishEvent(new IncidentSubmitted(saved.id(), decision.organisation(),
						draft.categoryCode(), draft.source(), draft.reporterEmail(), token, locale.getLanguage(), actor));
				return saved;
			});
			return new Submission(report, true);
		}
		catch (DataIntegrityViolationException ex) {
			if (draft.idempotencyKey() != null) {
				Optional<IncidentReport> existing = reports.findByIdempotencyKey(draft.idempotencyKey());
				if (existing.isPresent()) {
					return new Submission(existing.get(), false);
				}
			}
			throw ex;
		}
	}

	private String actorName(IncidentReport.Draft draft) {
		return switch (draft.source()) {
			case PROFESSIONAL -> currentUser.actorName();
			case OPEN311 -> "open311:" + draft.open311Client();
			case CITIZEN -> draft.reporterAccount() != null ? draft.reporterAccount() : "citizen";
		};
	}

	private void validate(IncidentReport.Draft draft) {
		Category category = categories.find(draft.categoryCode())
			.orElseThrow(() -> new IncidentException("incident.error.category"));
		if (!category.appliesTo(draft.locationType())) {
			throw new IncidentException("incident.error.category-location");
		}
		if (draft.description().isBlank()) {
			throw new IncidentException("incident.error.description-required");
		}
		if (draft.description().length() > 4000) {
			throw new IncidentException("incident.error.description-too-long");
		}
		if (draft.reporterEmail() != null && !draft.reporterEmail().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new IncidentException("incident.error.email");
		}
		if (draft.source() == Source.CITIZEN && draft.reporterAccount() == null && draft.reporterEmail() == null) {
			throw new IncidentException("incident.error.email-required");
		}
		if (!Double.isFinite(draft.lon()) || !Double.isFinite(draft.lat())) {
			throw new IncidentException("incident.error.location-required");
		}
	}

	/**
	 * Open public reports near a point, most similar first: closer, same category, then same asset class, then
	 * newer.
	 */
	@Transactional(readOnly = true)
	public List<IncidentReport> nearby(double lon, double lat, @Nullable String categoryCode) {
		double radius = properties.duplicateRadius();
		double dLat = radius / 111_000.0;
		double dLon = radius / (111_000.0 * Math.cos(Math.toRadians(lat)));
		Category category = categoryCode == null ? null : categories.find(categoryCode).orElse(null);
		return reports.within(lon - dLon, lon + dLon, lat - dLat, lat + dLat, OPEN_PUBLISHED, PageRequest.of(0, 50))
			.stream()
			.filter(r -> metres(lon, lat, r.lon(), r.lat()) <= radius)
			.sorted(Comparator.comparingDouble((IncidentReport r) -> -similarity(r, lon, lat, category)))
			.limit(5)
			.toList();
	}

	private double similarity(IncidentReport report, double lon, double lat, @Nullable Category category) {
		double score = (properties.duplicateRadius() - metres(lon, lat, report.lon(), report.lat()))
				/ properties.duplicateRadius() * 4;
		if (category != null) {
			if (report.categoryCode().equals(category.code())) {
				score += 3;
			}
			else if (categories.find(report.categoryCode()).map(c -> c.asset() == category.asset()).orElse(false)) {
				score += 1.5;
			}
		}
		return score;
	}

	static double metres(double lon1, double lat1, double lon2, double lat2) {
		double dx = (lon2 - lon1) * 111_320 * Math.cos(Math.toRadians((lat1 + lat2) / 2));
		double dy = (lat2 - lat1) * 110_540;
		return Math.hypot(dx, dy);
	}

	/** Confirms an anonymous report through its e-mailed link. */
	@Transactional
	public Optional<IncidentReport> confirm(String token) {
		return reports.findByConfirmationToken(token).map(report -> {
			report.confirm();
			events.insert(new IncidentEvent(report.id(), "confirmed", Visibility.PUBLIC, "citizen", null, null));
			publisher.publishEvent(new IncidentChanged(report.id(), "confirmed", Visibility.PUBLIC,
					report.organisationId(), "citizen", null, report.status()));
			return report;
		});
	}

	/** Follows a public report by e-mail. */
	@Transactional
	public Subscription subscribe(long reportId, String email, Locale locale) {
		IncidentReport report = publicReport(reportId)
			.orElseThrow(() -> new IncidentException("incident.error.not-found", 404));
		if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new IncidentException("incident.error.email");
		}
		return subscriptions.findByReportIdAndEmailIgnoreCase(report.id(), email.trim())
			.orElseGet(() -> subscriptions.save(new Subscription(report.id(), email.trim(), locale.getLanguage())));
	}

	@Transactional
	public boolean unsubscribe(String token) {
		return subscriptions.findByToken(token).map(s -> {
			subscriptions.delete(s);
			return true;
		}).orElse(false);
	}

	/** "I see it too": counts the citizen in instead of creating a duplicate, and subscribes them. */
	@Transactional
	public IncidentReport alsoReport(long reportId, @Nullable String email, Locale locale) {
		IncidentReport report = publicReport(reportId)
			.filter(r -> r.status().open())
			.orElseThrow(() -> new IncidentException("incident.error.not-found", 404));
		report.alsoReported();
		events.insert(new IncidentEvent(report.id(), "also-reported", Visibility.PUBLIC, "citizen", null, null));
		if (email != null && !email.isBlank()) {
			subscribe(reportId, email, locale);
		}
		return report;
	}

	/** A citizen asks to reopen a report closed less than 90 days ago; the reason is required. */
	@Transactional
	public void requestReopen(long reportId, String reason) {
		IncidentReport report = publicReport(reportId)
			.orElseThrow(() -> new IncidentException("incident.error.not-found", 404));
		if (reason == null || reason.isBlank()) {
			throw new IncidentException("incident.error.reason-required");
		}
		if (!report.reopenable(Instant.now())) {
			throw new IncidentException("incident.error.reopen-window", 409);
		}
		String text = reason.strip().length() > 2000 ? reason.strip().substring(0, 2000) : reason.strip();
		events.insert(new IncidentEvent(report.id(), "reopen-requested", Visibility.PUBLIC, "citizen", null, text));
		publisher.publishEvent(new IncidentChanged(report.id(), "reopen-requested", Visibility.PUBLIC,
				report.organisationId(), "citizen", text, report.status()));
	}

	/** A report as the public may see it. */
	@Transactional(readOnly = true)
	public Optional<IncidentReport> publicReport(long id) {
		return reports.findById(id).filter(IncidentReport::isPublic);
	}

	@Transactional(readOnly = true)
	public List<IncidentEvent> publicEvents(long id) {
		return events.findByReportIdOrderByAtAsc(id).stream().filter(e -> e.visibility() == Visibility.PUBLIC).toList();
	}

	@Transactional(readOnly = true)
	public List<IncidentComment> publicComments(long id) {
		return comments.findByReportIdOrderByAtAsc(id)
			.stream()
			.filter(c -> c.visibility() == Visibility.PUBLIC)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<IncidentPhoto> publicPhotos(long id) {
		return photos.findByReportIdOrderByAddedAtAsc(id)
			.stream()
			.filter(p -> p.visibility() == Visibility.PUBLIC)
			.toList();
	}

	/** The first public photo of each report, in one query (lists). */
	@Transactional(readOnly = true)
	public java.util.Map<Long, String> firstPublicPhotos(java.util.Collection<Long> reportIds) {
		java.util.Map<Long, String> first = new java.util.HashMap<>();
		if (!reportIds.isEmpty()) {
			photos.publicOf(reportIds).forEach(p -> first.putIfAbsent(p.reportId(), p.sha256()));
		}
		return first;
	}

	/** Whether a photo may be served to everyone: public photo of a public report. */
	@Transactional(readOnly = true)
	public boolean photoIsPublic(String sha256) {
		return photos.findBySha256(sha256)
			.stream()
			.anyMatch(p -> p.visibility() == Visibility.PUBLIC && publicReport(p.reportId()).isPresent());
	}

	/** Public list filters; {@code null} means any. */
	public record PublicFilter(@Nullable String nisCode, @Nullable String categoryCode, @Nullable Boolean open) {
	}

	@Transactional(readOnly = true)
	public Page<IncidentReport> publicList(PublicFilter filter, int page, int size) {
		Specification<IncidentReport> spec = (root, query, cb) -> {
			List<jakarta.persistence.criteria.Predicate> where = new ArrayList<>();
			where.add(cb.isFalse(root.get("privateReport")));
			EnumSet<ReportStatus> statuses = filter.open() == null ? PUBLISHED
					: filter.open() ? OPEN_PUBLISHED : EnumSet.of(ReportStatus.SOLVED, ReportStatus.CLOSED,
							ReportStatus.REFUSED, ReportStatus.MERGED);
			where.add(root.get("status").in(statuses));
			if (filter.nisCode() != null) {
				where.add(cb.equal(root.get("nisCode"), filter.nisCode()));
			}
			if (filter.categoryCode() != null) {
				where.add(cb.equal(root.get("categoryCode"), filter.categoryCode()));
			}
			return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
		};
		Pageable pageable = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
				Sort.by(Sort.Direction.DESC, "createdAt"));
		return reports.findAll(spec, pageable);
	}

	/** Public reports near a point, for feeds. */
	@Transactional(readOnly = true)
	public List<IncidentReport> publicAround(double lon, double lat, double metres, int limit) {
		double dLat = metres / 111_000.0;
		double dLon = metres / (111_000.0 * Math.cos(Math.toRadians(lat)));
		return reports.within(lon - dLon, lon + dLon, lat - dLat, lat + dLat, PUBLISHED, PageRequest.of(0, limit * 4))
			.stream()
			.filter(r -> metres(lon, lat, r.lon(), r.lat()) <= metres)
			.limit(limit)
			.toList();
	}

	/** A signed-in citizen's own reports. */
	@Transactional(readOnly = true)
	public Page<IncidentReport> mine(String account, int page) {
		return reports.findByReporterAccountOrderByCreatedAtDesc(account, PageRequest.of(Math.max(page, 0), 50));
	}

	/** The platform's public address, for links in e-mails, feeds and Open311. */
	public String publicUrl() {
		return properties.publicUrl().replaceAll("/+$", "");
	}

	public Category category(String code) {
		return categories.find(code).orElseThrow(() -> new IncidentException("incident.error.category"));
	}

	private String sign(String sha) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(linkKey, "HmacSHA256"));
			byte[] signature = mac.doFinal(sha.getBytes(StandardCharsets.US_ASCII));
			return sha + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature).substring(0, 22);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}
}
