package org.orchestra.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.orchestra.identity.CurrentUser;
import org.orchestra.identity.IdentityManagement;
import org.orchestra.identity.OrchestraPrincipal;
import org.orchestra.shared.RoleContribution;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident module's facade for back offices. Everything is scoped to the organisation the staff member acts
 * for: reports of other organisations are not found. Contractors only see the reports assigned to them. Every
 * action is recorded on the report's timeline and audited.
 */
@Service
@Transactional
public class IncidentDesk {

	private final Reports reports;
	private final Events events;
	private final Comments comments;
	private final Photos photos;
	private final Subscriptions subscriptions;
	private final DispatchRules dispatch;
	private final IncidentCategories categories;
	private final CurrentUser currentUser;
	private final IdentityManagement identity;
	private final OrganisationDirectory organisations;
	private final ApplicationEventPublisher publisher;
	private final PhotoSanitiser sanitiser;
	private final org.orchestra.document.DocumentManagement documents;

	IncidentDesk(PhotoSanitiser sanitiser, org.orchestra.document.DocumentManagement documents, Reports reports, Events events, Comments comments, Photos photos, Subscriptions subscriptions,
			DispatchRules dispatch, IncidentCategories categories, CurrentUser currentUser, IdentityManagement identity,
			OrganisationDirectory organisations, ApplicationEventPublisher publisher) {
		this.reports = reports;
		this.events = events;
		this.comments = comments;
		this.photos = photos;
		this.subscriptions = subscriptions;
		this.dispatch = dispatch;
		this.categories = categories;
		this.currentUser = currentUser;
		this.identity = identity;
		this.organisations = organisations;
		this.publisher = publisher;
		this.sanitiser = sanitiser;
		this.documents = documents;
	}

	/** Back-office list filters; {@code null} means any. */
	public record Filter(@Nullable ReportStatus status, @Nullable String categoryCode, @Nullable String nisCode,
			@Nullable Source source, @Nullable String assignee, boolean openOnly) {
	}

	@Transactional(readOnly = true)
	public Page<IncidentReport> list(Filter filter, int page, int size) {
		return reports.findAll(spec(filter), PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500),
				Sort.by(Sort.Direction.DESC, "createdAt")));
	}

	/** Every report matching the filter, newest first (exports; staff of the organisation only). */
	@Transactional(readOnly = true)
	public List<IncidentReport> all(Filter filter) {
		requirePrivilege(IncidentRoles.WORK);
		return reports.findAll(spec(filter), Sort.by(Sort.Direction.DESC, "createdAt"));
	}

	private Specification<IncidentReport> spec(Filter filter) {
		String organisation = organisation().value();
		String contractor = contractorName();
		Specification<IncidentReport> spec = (root, query, cb) -> {
			List<jakarta.persistence.criteria.Predicate> where = new ArrayList<>();
			where.add(cb.equal(root.get("organisationId"), organisation));
			where.add(cb.notEqual(root.get("status"), ReportStatus.UNCONFIRMED));
			if (contractor != null) {
				where.add(cb.or(cb.equal(root.get("contractor"), contractor), cb.equal(root.get("assignee"), contractor)));
			}
			if (filter.status() != null) {
				where.add(cb.equal(root.get("status"), filter.status()));
			}
			else if (filter.openOnly()) {
				where.add(root.get("status").in(IncidentReporting.OPEN_PUBLISHED));
			}
			if (filter.categoryCode() != null) {
				where.add(cb.equal(root.get("categoryCode"), filter.categoryCode()));
			}
			if (filter.nisCode() != null) {
				where.add(cb.equal(root.get("nisCode"), filter.nisCode()));
			}
			if (filter.source() != null) {
				where.add(cb.equal(root.get("source"), filter.source()));
			}
			if (filter.assignee() != null) {
				where.add(cb.equal(root.get("assignee"), filter.assignee()));
			}
			return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
		};
		return spec;
	}

	/** A report of the caller's organisation (for contractors: assigned to them); others are not found. */
	@Transactional(readOnly = true)
	public Optional<IncidentReport> find(long id) {
		String organisation = organisation().value();
		String contractor = contractorName();
		return reports.findById(id)
			.filter(r -> r.organisationId().equals(organisation))
			.filter(r -> r.status() != ReportStatus.UNCONFIRMED)
			.filter(r -> contractor == null || contractor.equals(r.contractor()) || contractor.equals(r.assignee()));
	}

	@Transactional(readOnly = true)
	public List<IncidentEvent> timeline(long id) {
		IncidentReport report = require(id);
		boolean confidential = currentUser.hasPrivilege(IncidentRoles.CONFIDENTIAL);
		return events.findByReportIdOrderByAtAsc(report.id())
			.stream()
			.filter(e -> confidential || e.visibility() != Visibility.CONFIDENTIAL)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<IncidentComment> comments(long id) {
		IncidentReport report = require(id);
		boolean confidential = currentUser.hasPrivilege(IncidentRoles.CONFIDENTIAL);
		return comments.findByReportIdOrderByAtAsc(report.id())
			.stream()
			.filter(c -> confidential || c.visibility() != Visibility.CONFIDENTIAL)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<IncidentPhoto> photos(long id) {
		return photos.findByReportIdOrderByAddedAtAsc(require(id).id());
	}

	/** Whether the caller may see this photo through the back office. */
	@Transactional(readOnly = true)
	public boolean canSeePhoto(String sha256) {
		return photos.findBySha256(sha256).stream().anyMatch(p -> find(p.reportId()).isPresent());
	}

	// --- actions ------------------------------------------------------------------------------------

	public IncidentReport accept(long id) {
		IncidentReport report = requireWork(id);
		report.accept();
		return record(report, "accepted", Visibility.PUBLIC, null);
	}

	public IncidentReport refuse(long id, String reason) {
		IncidentReport report = requireWork(id);
		report.refuse(reason);
		return record(report, "refused", Visibility.PUBLIC, reason);
	}

	public IncidentReport assign(long id, @Nullable String department, @Nullable String agent) {
		IncidentReport report = requireWork(id);
		if (agent != null && !agent.isBlank()
				&& !identity.hasRole(agent.trim(), organisation(), RoleContribution.AGENT)
				&& !identity.hasRole(agent.trim(), organisation(), RoleContribution.ORG_ADMIN)) {
			throw new IncidentException("incident.error.unknown-agent");
		}
		report.assign(department, agent);
		return record(report, "assigned", Visibility.PRIVATE,
				join(department, agent));
	}

	public IncidentReport assignContractor(long id, String contractor) {
		IncidentReport report = requireWork(id);
		if (contractor == null || !identity.hasRole(contractor.trim(), organisation(), RoleContribution.CONTRACTOR)) {
			throw new IncidentException("incident.error.unknown-contractor");
		}
		report.assignContractor(contractor.trim());
		return record(report, "contractor-assigned", Visibility.PUBLIC, null);
	}

	public IncidentReport prioritise(long id, int gravity, int probability) {
		IncidentReport report = requireWork(id);
		report.prioritise(gravity, probability);
		return record(report, "prioritised", Visibility.PRIVATE, gravity + " × " + probability);
	}

	public IncidentReport plan(long id, @Nullable LocalDate date) {
		IncidentReport report = requireWork(id);
		report.plan(date);
		return record(report, "planned", Visibility.PUBLIC, date == null ? null : date.toString());
	}

	public IncidentReport transfer(long id, String target, String reason) {
		IncidentReport report = requireWork(id);
		OrganisationId to;
		try {
			to = OrganisationId.of(target);
		}
		catch (IllegalArgumentException ex) {
			throw new IncidentException("incident.error.unknown-organisation");
		}
		if (!organisations.exists(to)) {
			throw new IncidentException("incident.error.unknown-organisation");
		}
		String from = report.organisationId();
		report.transfer(to.value(), reason);
		dispatch.findByOrganisationIdAndCategoryCode(to.value(), report.categoryCode())
			.ifPresent(rule -> report.assign(rule.department(), null));
		events.save(new IncidentEvent(report.id(), "transferred", Visibility.PUBLIC, currentUser.actorName(), from,
				to.value() + "|" + reason));
		publisher.publishEvent(new IncidentChanged(report.id(), "transferred", Visibility.PUBLIC, from,
				currentUser.actorName(), reason, report.status()));
		return report;
	}

	/**
	 * Merges two reports of the organisation: the older one is kept; photos, comments and subscribers of the newer
	 * one move to it, and the newer one is closed as a duplicate.
	 */
	public IncidentReport merge(long id, long otherId) {
		IncidentReport a = requireWork(id);
		IncidentReport b = requireWork(otherId);
		IncidentReport kept = a.createdAt().isAfter(b.createdAt()) ? b : a;
		IncidentReport duplicate = kept == a ? b : a;
		duplicate.mergeInto(kept);
		kept.absorb(duplicate);
		photos.findByReportIdOrderByAddedAtAsc(duplicate.id()).forEach(p -> p.moveTo(kept.id()));
		comments.findByReportIdOrderByAtAsc(duplicate.id()).forEach(c -> c.moveTo(kept.id()));
		for (Subscription subscription : subscriptions.findByReportId(duplicate.id())) {
			if (subscriptions.findByReportIdAndEmailIgnoreCase(kept.id(), subscription.email()).isPresent()) {
				subscriptions.delete(subscription);
			}
			else {
				subscription.moveTo(kept.id());
			}
		}
		record(duplicate, "merged", Visibility.PUBLIC, "#" + kept.id());
		return record(kept, "absorbed", Visibility.PUBLIC, "#" + duplicate.id());
	}

	public IncidentReport solve(long id, @Nullable String notes) {
		IncidentReport report = requireDesk(id);
		if (contractorName() == null && !currentUser.hasPrivilege(IncidentRoles.WORK)) {
			throw new AccessDeniedException("No privilege");
		}
		report.solve(notes);
		return record(report, "solved", Visibility.PUBLIC, notes);
	}

	public IncidentReport close(long id, @Nullable String notes) {
		IncidentReport report = requireWork(id);
		report.closeReport(notes);
		return record(report, "closed", Visibility.PUBLIC, notes);
	}

	public IncidentReport reopen(long id, @Nullable String notes) {
		IncidentReport report = requireWork(id);
		report.reopen();
		return record(report, "reopened", Visibility.PUBLIC, notes);
	}

	public IncidentReport makePrivate(long id, boolean value) {
		IncidentReport report = requireWork(id);
		report.makePrivate(value);
		return record(report, value ? "made-private" : "made-public", Visibility.PRIVATE, null);
	}

	public IncidentComment comment(long id, String text, Visibility visibility) {
		IncidentReport report = requireDesk(id);
		if (text == null || text.isBlank()) {
			throw new IncidentException("incident.error.comment-required");
		}
		if (visibility == Visibility.CONFIDENTIAL && !currentUser.hasPrivilege(IncidentRoles.CONFIDENTIAL)) {
			throw new AccessDeniedException("No privilege");
		}
		String clean = text.strip().length() > 4000 ? text.strip().substring(0, 4000) : text.strip();
		IncidentComment comment = comments.save(new IncidentComment(report.id(), currentUser.actorName(),
				report.organisationId(), visibility, clean));
		record(report, "commented", visibility, visibility == Visibility.PUBLIC ? clean : null);
		return comment;
	}

	/**
	 * Adds staff photos (for example of the work done) with a visibility; they are sanitised like citizens'
	 * photos.
	 */
	public List<IncidentPhoto> addPhotos(long id, List<byte[]> uploads, Visibility visibility) {
		IncidentReport report = requireDesk(id);
		if (uploads.isEmpty()) {
			throw new IncidentException("incident.error.photo-empty");
		}
		if (uploads.size() > 6) {
			throw new IncidentException("incident.error.too-many-photos");
		}
		List<IncidentPhoto> added = new ArrayList<>();
		for (byte[] upload : uploads) {
			PhotoSanitiser.Sanitised clean = sanitiser.sanitise(upload);
			String sha = documents.storeBlob(clean.jpeg());
			added.add(photos.save(new IncidentPhoto(report.id(), sha, clean.width(), clean.height(), visibility)));
		}
		record(report, "photo-added", visibility, null);
		return added;
	}

	// --- dispatch matrix ----------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<DispatchRule> dispatchMatrix() {
		return dispatch.findByOrganisationIdOrderByCategoryCode(organisation().value());
	}

	public DispatchRule setDispatch(String categoryCode, String department) {
		requirePrivilege(IncidentRoles.DISPATCH);
		categories.find(categoryCode).orElseThrow(() -> new IncidentException("incident.error.category"));
		if (department == null || department.isBlank() || department.length() > 100) {
			throw new IncidentException("incident.error.department");
		}
		String organisation = organisation().value();
		dispatch.findByOrganisationIdAndCategoryCode(organisation, categoryCode).ifPresent(dispatch::delete);
		dispatch.flush();
		return dispatch.save(new DispatchRule(organisation, categoryCode, department.trim()));
	}

	public void removeDispatch(java.util.UUID ruleId) {
		requirePrivilege(IncidentRoles.DISPATCH);
		dispatch.findById(ruleId)
			.filter(rule -> rule.organisationId().equals(organisation().value()))
			.ifPresent(dispatch::delete);
	}

	// --- statistics ---------------------------------------------------------------------------------

	/** Counts per commune, category, status and source, and the average resolution time. */
	public record Statistics(long total, Map<String, Long> byCommune, Map<String, Long> byCategory,
			Map<ReportStatus, Long> byStatus, Map<Source, Long> bySource, @Nullable Duration averageResolution) {
	}

	/** Aggregated in the database; staff of the organisation only (not contractors). */
	@Transactional(readOnly = true)
	public Statistics statistics() {
		requirePrivilege(IncidentRoles.WORK);
		String organisation = organisation().value();
		Map<String, Long> byCommune = new TreeMap<>();
		reports.countByCommune(organisation).forEach(row -> byCommune.put((String) row[0], (Long) row[1]));
		Map<String, Long> byCategory = new TreeMap<>();
		reports.countByCategory(organisation).forEach(row -> byCategory.put((String) row[0], (Long) row[1]));
		Map<ReportStatus, Long> byStatus = new LinkedHashMap<>();
		reports.countByStatus(organisation).forEach(row -> byStatus.put((ReportStatus) row[0], (Long) row[1]));
		Map<Source, Long> bySource = new LinkedHashMap<>();
		reports.countBySource(organisation).forEach(row -> bySource.put((Source) row[0], (Long) row[1]));
		long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
		long resolved = 0;
		long seconds = 0;
		for (Object[] row : reports.resolutionTimes(organisation)) {
			resolved++;
			seconds += Duration.between((Instant) row[0], (Instant) row[1]).toSeconds();
		}
		return new Statistics(total, byCommune, byCategory, byStatus, bySource,
				resolved == 0 ? null : Duration.ofSeconds(seconds / resolved));
	}

	// --- helpers ------------------------------------------------------------------------------------

	private IncidentReport record(IncidentReport report, String type, Visibility visibility, @Nullable String note) {
		events.save(new IncidentEvent(report.id(), type, visibility, currentUser.actorName(), report.organisationId(),
				note));
		publisher.publishEvent(new IncidentChanged(report.id(), type, visibility, report.organisationId(),
				currentUser.actorName(), note, report.status()));
		return report;
	}

	private IncidentReport requireDesk(long id) {
		return find(id).orElseThrow(() -> new IncidentException("incident.error.not-found", 404));
	}

	private IncidentReport requireWork(long id) {
		requirePrivilege(IncidentRoles.WORK);
		return requireDesk(id);
	}

	private IncidentReport require(long id) {
		return requireDesk(id);
	}

	private void requirePrivilege(String privilege) {
		if (!currentUser.hasPrivilege(privilege)) {
			throw new AccessDeniedException("Missing privilege " + privilege);
		}
	}

	private OrganisationId organisation() {
		return currentUser.organisation().orElseThrow(() -> new AccessDeniedException("No organisation"));
	}

	/** The contractor's user name when the caller works as a contractor (and not as agent), else null. */
	private @Nullable String contractorName() {
		OrchestraPrincipal principal = currentUser.principal().orElse(null);
		if (principal == null || currentUser.hasPrivilege(IncidentRoles.WORK)) {
			return null;
		}
		return principal.getUsername();
	}

	private static @Nullable String join(@Nullable String department, @Nullable String agent) {
		String d = department == null || department.isBlank() ? "" : department.trim();
		String a = agent == null || agent.isBlank() ? "" : agent.trim();
		return (d + (d.isEmpty() || a.isEmpty() ? "" : " / ") + a).isEmpty() ? null : d + (d.isEmpty() || a.isEmpty() ? "" : " / ") + a;
	}

	/** Agents of the caller's organisation, for the assignment form. */
	@Transactional(readOnly = true)
	public List<String> agents() {
		List<String> names = new ArrayList<>(identity.usernamesWithRole(organisation(), RoleContribution.AGENT));
		names.addAll(identity.usernamesWithRole(organisation(), RoleContribution.ORG_ADMIN));
		return names.stream().distinct().sorted().toList();
	}

	@Transactional(readOnly = true)
	public List<String> contractors() {
		return identity.usernamesWithRole(organisation(), RoleContribution.CONTRACTOR);
	}

	Instant now() {
		return Instant.now();
	}
}
