package org.orchestra.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A public-space incident report and its workflow. The responsible organisation changes on transfer, so reports
 * are scoped explicitly by {@code organisationId} in every back-office query rather than by a fixed tenant.
 */
@Entity
@Table(name = "incident_report")
public class IncidentReport {

	static final Duration REOPEN_WINDOW = Duration.ofDays(90);

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_report_seq")
	@SequenceGenerator(name = "incident_report_seq", sequenceName = "incident_report_seq", allocationSize = 1)
	private long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ReportStatus status;

	@Column(nullable = false)
	private double lon;

	@Column(nullable = false)
	private double lat;

	private @Nullable String address;

	@Column(name = "nis_code", nullable = false)
	private String nisCode;

	@Enumerated(EnumType.STRING)
	@Column(name = "location_type", nullable = false)
	private LocationType locationType;

	@Column(name = "category_code", nullable = false)
	private String categoryCode;

	@Column(nullable = false)
	private String description;

	@Column(name = "reporter_name")
	private @Nullable String reporterName;

	@Column(name = "reporter_email")
	private @Nullable String reporterEmail;

	@Column(name = "reporter_phone")
	private @Nullable String reporterPhone;

	@Column(name = "reporter_account")
	private @Nullable String reporterAccount;

	@Column(name = "hide_name", nullable = false)
	private boolean hideName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Source source;

	@Column(name = "organisation_id", nullable = false)
	private String organisationId;

	private @Nullable String department;

	private @Nullable String assignee;

	private @Nullable String contractor;

	@Column(nullable = false)
	private int gravity;

	@Column(nullable = false)
	private int probability;

	@Column(name = "planned_date")
	private @Nullable LocalDate plannedDate;

	@Column(name = "merged_into")
	private @Nullable Long mergedInto;

	@Column(name = "private_report", nullable = false)
	private boolean privateReport;

	@Column(name = "interest_count", nullable = false)
	private int interestCount;

	@Column(name = "routing_reason", nullable = false)
	private String routingReason;

	@Column(name = "confirmation_token")
	private @Nullable String confirmationToken;

	@Column(name = "idempotency_key", unique = true)
	private @Nullable String idempotencyKey;

	@Column(name = "open311_client")
	private @Nullable String open311Client;

	@Column(name = "status_notes")
	private @Nullable String statusNotes;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "closed_at")
	private @Nullable Instant closedAt;

	@Version
	private long version;

	protected IncidentReport() {
	}

	IncidentReport(Draft draft, Routing.Decision routing, boolean confirmed, @Nullable String confirmationToken) {
		this.status = confirmed ? ReportStatus.CREATED : ReportStatus.UNCONFIRMED;
		this.lon = draft.lon();
		this.lat = draft.lat();
		this.address = draft.address();
		this.nisCode = routing.nisCode();
		this.locationType = draft.locationType();
		this.categoryCode = draft.categoryCode();
		this.description = draft.description();
		this.reporterName = draft.reporterName();
		this.reporterEmail = draft.reporterEmail();
		this.reporterPhone = draft.reporterPhone();
		this.reporterAccount = draft.reporterAccount();
		this.hideName = draft.hideName();
		this.source = draft.source();
		this.organisationId = routing.organisation();
		this.department = routing.department();
		this.routingReason = routing.reason();
		this.confirmationToken = confirmationToken;
		this.idempotencyKey = draft.idempotencyKey();
		this.open311Client = draft.open311Client();
		this.privateReport = draft.privateReport();
		this.createdAt = Instant.now();
		this.updatedAt = createdAt;
	}

	// --- workflow -----------------------------------------------------------------------------------

	void confirm() {
		require(EnumSet.of(ReportStatus.UNCONFIRMED));
		status = ReportStatus.CREATED;
		confirmationToken = null;
		touch();
	}

	void accept() {
		require(EnumSet.of(ReportStatus.CREATED));
		status = ReportStatus.IN_PROGRESS;
		touch();
	}

	void refuse(String reason) {
		require(EnumSet.of(ReportStatus.CREATED, ReportStatus.IN_PROGRESS));
		requireText(reason);
		status = ReportStatus.REFUSED;
		statusNotes = reason;
		close();
	}

	void assign(@Nullable String department, @Nullable String assignee) {
		require(EnumSet.of(ReportStatus.CREATED, ReportStatus.IN_PROGRESS, ReportStatus.CONTRACTOR_ASSIGNED));
		this.department = blank(department);
		this.assignee = blank(assignee);
		if (status == ReportStatus.CREATED) {
			status = ReportStatus.IN_PROGRESS;
		}
		touch();
	}

	void assignContractor(String contractor) {
		require(EnumSet.of(ReportStatus.CREATED, ReportStatus.IN_PROGRESS, ReportStatus.CONTRACTOR_ASSIGNED));
		requireText(contractor);
		this.contractor = contractor;
		status = ReportStatus.CONTRACTOR_ASSIGNED;
		touch();
	}

	void prioritise(int gravity, int probability) {
		if (gravity < 0 || gravity > 4 || probability < 0 || probability > 4) {
			throw new IncidentException("incident.error.priority");
		}
		requireOpen();
		this.gravity = gravity;
		this.probability = probability;
		touch();
	}

	void plan(@Nullable LocalDate date) {
		requireOpen();
		if (date != null && (date.isBefore(LocalDate.now().minusDays(1)) || date.isAfter(LocalDate.now().plusMonths(12)))) {
			throw new IncidentException("incident.error.planned-date");
		}
		this.plannedDate = date;
		touch();
	}

	void transfer(String organisation, String reason) {
		requireOpen();
		requireText(reason);
		if (organisation.equals(organisationId)) {
			throw new IncidentException("incident.error.same-organisation");
		}
		this.organisationId = organisation;
		this.department = null;
		this.assignee = null;
		this.contractor = null;
		this.routingReason = "incident.routing.transferred|" + reason;
		if (status != ReportStatus.UNCONFIRMED) {
			status = ReportStatus.CREATED;
		}
		touch();
	}

	void solve(@Nullable String notes) {
		require(EnumSet.of(ReportStatus.CREATED, ReportStatus.IN_PROGRESS, ReportStatus.CONTRACTOR_ASSIGNED));
		status = ReportStatus.SOLVED;
		statusNotes = blank(notes);
		touch();
	}

	void closeReport(@Nullable String notes) {
		require(EnumSet.of(ReportStatus.CREATED, ReportStatus.IN_PROGRESS, ReportStatus.CONTRACTOR_ASSIGNED,
				ReportStatus.SOLVED));
		status = ReportStatus.CLOSED;
		if (blank(notes) != null) {
			statusNotes = notes;
		}
		close();
	}

	void reopen() {
		require(EnumSet.of(ReportStatus.SOLVED, ReportStatus.CLOSED, ReportStatus.REFUSED));
		status = ReportStatus.IN_PROGRESS;
		closedAt = null;
		touch();
	}

	/** Whether a citizen may still ask to reopen the report. */
	public boolean reopenable(Instant now) {
		if (status == ReportStatus.SOLVED) {
			return true;
		}
		return (status == ReportStatus.CLOSED || status == ReportStatus.REFUSED) && closedAt != null
				&& now.isBefore(closedAt.plus(REOPEN_WINDOW));
	}

	void mergeInto(IncidentReport kept) {
		requireOpen();
		if (kept.id == id || !kept.status.open()) {
			throw new IncidentException("incident.error.merge-target");
		}
		status = ReportStatus.MERGED;
		mergedInto = kept.id;
		statusNotes = "#" + kept.id;
		close();
	}

	void absorb(IncidentReport duplicate) {
		interestCount += 1 + duplicate.interestCount;
		touch();
	}

	void alsoReported() {
		interestCount++;
		touch();
	}

	void makePrivate(boolean value) {
		this.privateReport = value;
		touch();
	}

	void updateStatusFromBackOffice(ReportStatus target, @Nullable String notes) {
		switch (target) {
			case IN_PROGRESS -> {
				if (status == ReportStatus.CREATED) {
					accept();
				}
				else if (!status.open()) {
					reopen();
				}
			}
			case SOLVED -> solve(notes);
			case CLOSED -> closeReport(notes);
			case REFUSED -> refuse(notes == null ? "" : notes);
			case CONTRACTOR_ASSIGNED -> assignContractor(contractor == null ? "external" : contractor);
			default -> throw new IncidentException("incident.error.transition", 409);
		}
		if (blank(notes) != null) {
			statusNotes = notes;
		}
	}

	private void close() {
		closedAt = Instant.now();
		touch();
	}

	private void touch() {
		updatedAt = Instant.now();
	}

	private void require(Set<ReportStatus> allowed) {
		if (!allowed.contains(status)) {
			throw new IncidentException("incident.error.transition", 409);
		}
	}

	private void requireOpen() {
		if (!status.open()) {
			throw new IncidentException("incident.error.transition", 409);
		}
	}

	private static void requireText(@Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new IncidentException("incident.error.reason-required");
		}
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	// --- reading ------------------------------------------------------------------------------------

	public long id() {
		return id;
	}

	public ReportStatus status() {
		return status;
	}

	public double lon() {
		return lon;
	}

	public double lat() {
		return lat;
	}

	public @Nullable String address() {
		return address;
	}

	public String nisCode() {
		return nisCode;
	}

	public LocationType locationType() {
		return locationType;
	}

	public String categoryCode() {
		return categoryCode;
	}

	public String description() {
		return description;
	}

	public @Nullable String reporterName() {
		return reporterName;
	}

	public @Nullable String reporterEmail() {
		return reporterEmail;
	}

	public @Nullable String reporterPhone() {
		return reporterPhone;
	}

	public @Nullable String reporterAccount() {
		return reporterAccount;
	}

	public boolean hideName() {
		return hideName;
	}

	public Source source() {
		return source;
	}

	public String organisationId() {
		return organisationId;
	}

	public @Nullable String department() {
		return department;
	}

	public @Nullable String assignee() {
		return assignee;
	}

	public @Nullable String contractor() {
		return contractor;
	}

	public int gravity() {
		return gravity;
	}

	public int probability() {
		return probability;
	}

	/** Priority as gravity × probability (0–16). */
	public int priority() {
		return gravity * probability;
	}

	public @Nullable LocalDate plannedDate() {
		return plannedDate;
	}

	public @Nullable Long mergedInto() {
		return mergedInto;
	}

	public boolean privateReport() {
		return privateReport;
	}

	public int interestCount() {
		return interestCount;
	}

	public String routingReason() {
		return routingReason;
	}

	@Nullable String confirmationToken() {
		return confirmationToken;
	}

	public @Nullable String open311Client() {
		return open311Client;
	}

	public @Nullable String statusNotes() {
		return statusNotes;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public @Nullable Instant closedAt() {
		return closedAt;
	}

	/** Whether the report may be shown to the public. */
	public boolean isPublic() {
		return status.published() && !privateReport;
	}

	/** What a report is made of when it is submitted. */
	public record Draft(double lon, double lat, @Nullable String address, LocationType locationType,
			String categoryCode, String description, @Nullable String reporterName, @Nullable String reporterEmail,
			@Nullable String reporterPhone, @Nullable String reporterAccount, boolean hideName, Source source,
			@Nullable String idempotencyKey, @Nullable String open311Client, boolean privateReport) {
	}
}
