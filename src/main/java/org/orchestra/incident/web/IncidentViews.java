package org.orchestra.incident.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.orchestra.incident.Category;
import org.orchestra.incident.IncidentCategories;
import org.orchestra.incident.IncidentEvent;
import org.orchestra.incident.IncidentReport;
import org.orchestra.incident.IncidentReporting;
import org.orchestra.incident.ReportStatus;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns reports into what pages, feeds and PDFs show, in the reader's language, with the routing decision
 * explained. Public views never carry the reporter's identity unless they chose to show their name.
 */
@Component
public class IncidentViews {

	static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

	private final IncidentCategories categories;
	private final OrganisationDirectory organisations;
	private final MessageSource messages;
	private final IncidentReporting reporting;
	private final java.util.Map<String, String> communeNames = new java.util.concurrent.ConcurrentHashMap<>();

	IncidentViews(IncidentCategories categories, OrganisationDirectory organisations, MessageSource messages,
			IncidentReporting reporting) {
		this.categories = categories;
		this.organisations = organisations;
		this.messages = messages;
		this.reporting = reporting;
	}

	public record Summary(long id, String category, ReportStatus status, String statusLabel, Instant createdAt,
			String commune, @Nullable String thumbnail, int interestCount, String description) {
	}

	public record Detail(long id, String category, String asset, String location, ReportStatus status,
			String statusLabel, String description, @Nullable String reporter, String organisation,
			String routing, @Nullable String department, @Nullable String plannedDate, Instant createdAt,
			Instant updatedAt, @Nullable String address, double lon, double lat, String commune,
			@Nullable Long mergedInto, int interestCount, @Nullable String statusNotes, boolean open) {
	}

	public record EventView(Instant at, String label, @Nullable String note, String actor, String type) {
	}

	public Summary summary(IncidentReport report, Locale locale) {
		return summary(report, locale, reporting.firstPublicPhotos(List.of(report.id())).get(report.id()));
	}

	/** Summaries of a page of reports, with their thumbnails fetched in one query. */
	public List<Summary> summaries(List<IncidentReport> reports, Locale locale) {
		java.util.Map<Long, String> thumbnails = reporting
			.firstPublicPhotos(reports.stream().map(IncidentReport::id).toList());
		return reports.stream().map(r -> summary(r, locale, thumbnails.get(r.id()))).toList();
	}

	private Summary summary(IncidentReport report, Locale locale, @Nullable String thumbnail) {
		String description = report.description().length() > 160 ? report.description().substring(0, 157) + "…"
				: report.description();
		return new Summary(report.id(), categoryName(report.categoryCode(), locale), report.status(),
				text("incident.status." + report.status(), locale), report.createdAt(), commune(report.nisCode(), locale),
				report.isPublic() ? thumbnail : null, report.interestCount(), description);
	}

	public Detail detail(IncidentReport report, Locale locale) {
		Category category = categories.find(report.categoryCode()).orElse(null);
		String organisation = organisations.nameOf(OrganisationId.of(report.organisationId()), locale);
		String reporter = report.hideName() || report.reporterName() == null ? null : report.reporterName();
		return new Detail(report.id(), categoryName(report.categoryCode(), locale),
				category == null ? "" : text("incident.asset." + category.asset(), locale),
				text("incident.location." + report.locationType(), locale), report.status(),
				text("incident.status." + report.status(), locale), report.description(), reporter, organisation,
				explain(report.routingReason(), report.organisationId(), locale), report.department(),
				report.plannedDate() == null ? null : report.plannedDate().toString(), report.createdAt(),
				report.updatedAt(), report.address(), report.lon(), report.lat(), commune(report.nisCode(), locale),
				report.mergedInto(), report.interestCount(), report.statusNotes(), report.status().open());
	}

	public EventView event(IncidentEvent event, Locale locale, boolean publicView) {
		String note = event.note();
		if ("routed".equals(event.type()) && note != null) {
			note = explain(note, event.organisationId() == null ? "" : event.organisationId(), locale);
		}
		else if ("transferred".equals(event.type()) && note != null && note.contains("|")) {
			String[] parts = note.split("\\|", 2);
			note = text("incident.event.transferred-to", locale,
					organisations.nameOf(OrganisationId.of(parts[0]), locale), parts[1]);
		}
		else if ("open311-update".equals(event.type()) && note != null && note.startsWith("update_id:")) {
			note = note.substring(note.indexOf('|') + 1);
		}
		String actor;
		if (publicView) {
			actor = event.organisationId() == null ? text("incident.actor.citizen", locale)
					: organisations.nameOf(OrganisationId.of(event.organisationId()), locale);
			if ("submitted".equals(event.type()) || "also-reported".equals(event.type())
					|| "reopen-requested".equals(event.type()) || "confirmed".equals(event.type())) {
				actor = text("incident.actor.citizen", locale);
			}
		}
		else {
			actor = event.actor();
		}
		return new EventView(event.at(), text("incident.event." + event.type(), locale), note, actor, event.type());
	}

	/** The routing decision in words: "Routed to X because …". */
	public String explain(String reason, String organisation, Locale locale) {
		String[] parts = reason.split("\\|", -1);
		String name = organisation.isEmpty() ? "" : organisations.nameOf(OrganisationId.of(organisation), locale);
		return switch (parts[0]) {
			case "incident.routing.regional-road" -> text(parts[0], locale, name,
					"nl".equals(locale.getLanguage()) && parts.length > 2 && !parts[2].isEmpty() ? parts[2]
							: parts.length > 1 ? parts[1] : "");
			case "incident.routing.transferred" -> text(parts[0], locale, name, parts.length > 1 ? parts[1] : "");
			default -> text(parts[0], locale, name);
		};
	}

	public String categoryName(String code, Locale locale) {
		return categories.find(code).map(c -> c.name(locale)).orElse(code);
	}

	public String commune(String nis, Locale locale) {
		String language = "nl".equals(locale.getLanguage()) ? "nl" : "fr";
		return communeNames.computeIfAbsent(language + nis, k -> organisations
			.nameOf(OrganisationId.of("commune-" + nis), Locale.of(language))
			.replaceFirst("^(Commune d'|Commune de |Gemeente |Ville de |Stad )", ""));
	}

	public String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private static String xml(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	/** An Atom feed of public reports. */
	public String atom(String title, List<IncidentReport> reports, Locale locale, String baseUrl) {
		DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
		Instant updated = reports.stream().map(IncidentReport::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
		StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
		out.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(locale.getLanguage()).append("\">");
		out.append("<title>").append(xml(title)).append("</title>");
		out.append("<id>").append(baseUrl).append("/incidents/feed.atom</id>");
		out.append("<link rel=\"alternate\" href=\"").append(baseUrl).append("/incidents\"/>");
		out.append("<updated>").append(iso.format(updated.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE))).append("</updated>");
		for (IncidentReport report : reports) {
			Summary summary = summary(report, locale);
			out.append("<entry>");
			out.append("<id>").append(baseUrl).append("/incidents/").append(report.id()).append("</id>");
			out.append("<title>").append(xml("#" + report.id() + " " + summary.category() + " — "
					+ summary.commune() + " (" + summary.statusLabel() + ")")).append("</title>");
			out.append("<link href=\"").append(baseUrl).append("/incidents/").append(report.id()).append("\"/>");
			out.append("<updated>").append(iso.format(report.updatedAt().truncatedTo(ChronoUnit.SECONDS).atZone(ZONE)))
				.append("</updated>");
			out.append("<published>").append(iso.format(report.createdAt().truncatedTo(ChronoUnit.SECONDS).atZone(ZONE)))
				.append("</published>");
			out.append("<author><name>").append(xml(text("incident.actor.citizen", locale)))
				.append("</name></author>");
			out.append("<summary>").append(xml(summary.description())).append("</summary>");
			out.append("</entry>");
		}
		return out.append("</feed>").toString();
	}
}
