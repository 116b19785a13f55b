package org.orchestra.opendata.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.Dataset;
import org.orchestra.opendata.DatasetDraft;
import org.orchestra.opendata.PublisherDesk;

/** The publishers' form for a dataset, as the browser sends it (every field a string, bound by name). */
public class DatasetForm {

	private String titleFr = "";
	private String titleNl = "";
	private String titleEn = "";
	private String descriptionFr = "";
	private String descriptionNl = "";
	private String descriptionEn = "";
	private String keywords = "";
	private List<String> themes = new ArrayList<>();
	private String licence = "";
	private String accessRights = "";
	private String frequency = "";
	private String temporalStart = "";
	private String temporalEnd = "";
	private String contactName = "";
	private String contactEmail = "";
	private String landingPage = "";
	private List<Row> distributions = new ArrayList<>();

	/** One distribution row; rows left empty are ignored, rows marked for removal are dropped. */
	public static class Row {

		private String url = "";
		private String title = "";
		private String format = "";
		private String mediaType = "";
		private boolean remove;

		public boolean isBlank() {
			return url.isBlank() && title.isBlank() && mediaType.isBlank();
		}

		public String getUrl() {
			return url;
		}

		public void setUrl(@Nullable String url) {
			this.url = clean(url);
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(@Nullable String title) {
			this.title = clean(title);
		}

		public String getFormat() {
			return format;
		}

		public void setFormat(@Nullable String format) {
			this.format = clean(format);
		}

		public String getMediaType() {
			return mediaType;
		}

		public void setMediaType(@Nullable String mediaType) {
			this.mediaType = clean(mediaType);
		}

		public boolean isRemove() {
			return remove;
		}

		public void setRemove(boolean remove) {
			this.remove = remove;
		}
	}

	static String clean(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static @Nullable String orNull(String value) {
		return value.isBlank() ? null : value.strip();
	}

	/** The form filled with a dataset's metadata. */
	static DatasetForm of(Dataset dataset) {
		DatasetDraft draft = PublisherDesk.draftOf(dataset);
		DatasetForm form = new DatasetForm();
		form.titleFr = draft.title().getOrDefault("fr", "");
		form.titleNl = draft.title().getOrDefault("nl", "");
		form.titleEn = draft.title().getOrDefault("en", "");
		form.descriptionFr = draft.description().getOrDefault("fr", "");
		form.descriptionNl = draft.description().getOrDefault("nl", "");
		form.descriptionEn = draft.description().getOrDefault("en", "");
		form.keywords = String.join(", ", draft.keywords());
		form.themes = new ArrayList<>(draft.themes());
		form.licence = draft.licence() == null ? "" : draft.licence();
		form.accessRights = draft.accessRights() == null ? "" : draft.accessRights();
		form.frequency = draft.frequency() == null ? "" : draft.frequency();
		form.temporalStart = draft.temporalStart() == null ? "" : draft.temporalStart().toString();
		form.temporalEnd = draft.temporalEnd() == null ? "" : draft.temporalEnd().toString();
		form.contactName = draft.contactName() == null ? "" : draft.contactName();
		form.contactEmail = draft.contactEmail() == null ? "" : draft.contactEmail();
		form.landingPage = draft.landingPage() == null ? "" : draft.landingPage();
		for (DatasetDraft.DistributionDraft d : draft.distributions()) {
			Row row = new Row();
			row.setUrl(d.url());
			row.setTitle(d.title());
			row.setFormat(d.format());
			row.setMediaType(d.mediaType());
			form.distributions.add(row);
		}
		return form;
	}

	/** Drops the rows marked for removal and the empty ones, and keeps one empty row to fill in. */
	void tidyRows(boolean addRow) {
		distributions = new ArrayList<>(distributions.stream().filter(r -> !r.isRemove() && !r.isBlank()).toList());
		if (addRow || distributions.isEmpty()) {
			distributions.add(new Row());
		}
	}

	/** Problems of the form's own (dates that are not dates), as field → message key. */
	Map<String, String> parseProblems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (date(temporalStart) == null && !temporalStart.isBlank()) {
			problems.put("temporalStart", "opendata.desk.error.date");
		}
		if (date(temporalEnd) == null && !temporalEnd.isBlank()) {
			problems.put("temporalEnd", "opendata.desk.error.date");
		}
		return problems;
	}

	private static @Nullable LocalDate date(String value) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** The draft the form stands for (rows left empty or marked for removal are left out). */
	DatasetDraft toDraft() {
		Map<String, String> title = new LinkedHashMap<>();
		title.put("fr", titleFr);
		title.put("nl", titleNl);
		title.put("en", titleEn);
		Map<String, String> description = new LinkedHashMap<>();
		description.put("fr", descriptionFr);
		description.put("nl", descriptionNl);
		description.put("en", descriptionEn);
		List<String> words = Arrays.stream(keywords.split("[,;\\n]")).map(String::strip).filter(k -> !k.isEmpty())
			.distinct().toList();
		List<DatasetDraft.DistributionDraft> rows = distributions.stream()
			.filter(r -> !r.isRemove() && !r.isBlank())
			.map(r -> new DatasetDraft.DistributionDraft(r.getUrl(), r.getTitle(), orNull(r.getFormat()),
					orNull(r.getMediaType())))
			.toList();
		return new DatasetDraft(title, description, words, themes.stream().filter(t -> t != null && !t.isBlank()).distinct().toList(),
				orNull(licence), orNull(accessRights), orNull(frequency), date(temporalStart), date(temporalEnd),
				orNull(contactName), orNull(contactEmail), orNull(landingPage), rows);
	}

	public String getTitleFr() {
		return titleFr;
	}

	public void setTitleFr(@Nullable String titleFr) {
		this.titleFr = clean(titleFr);
	}

	public String getTitleNl() {
		return titleNl;
	}

	public void setTitleNl(@Nullable String titleNl) {
		this.titleNl = clean(titleNl);
	}

	public String getTitleEn() {
		return titleEn;
	}

	public void setTitleEn(@Nullable String titleEn) {
		this.titleEn = clean(titleEn);
	}

	public String getDescriptionFr() {
		return descriptionFr;
	}

	public void setDescriptionFr(@Nullable String descriptionFr) {
		this.descriptionFr = clean(descriptionFr);
	}

	public String getDescriptionNl() {
		return descriptionNl;
	}

	public void setDescriptionNl(@Nullable String descriptionNl) {
		this.descriptionNl = clean(descriptionNl);
	}

	public String getDescriptionEn() {
		return descriptionEn;
	}

	public void setDescriptionEn(@Nullable String descriptionEn) {
		this.descriptionEn = clean(descriptionEn);
	}

	public String getKeywords() {
		return keywords;
	}

	public void setKeywords(@Nullable String keywords) {
		this.keywords = clean(keywords);
	}

	public List<String> getThemes() {
		return themes;
	}

	public void setThemes(@Nullable List<String> themes) {
		this.themes = themes == null ? new ArrayList<>() : new ArrayList<>(themes);
	}

	public String getLicence() {
		return licence;
	}

	public void setLicence(@Nullable String licence) {
		this.licence = clean(licence);
	}

	public String getAccessRights() {
		return accessRights;
	}

	public void setAccessRights(@Nullable String accessRights) {
		this.accessRights = clean(accessRights);
	}

	public String getFrequency() {
		return frequency;
	}

	public void setFrequency(@Nullable String frequency) {
		this.frequency = clean(frequency);
	}

	public String getTemporalStart() {
		return temporalStart;
	}

	public void setTemporalStart(@Nullable String temporalStart) {
		this.temporalStart = clean(temporalStart);
	}

	public String getTemporalEnd() {
		return temporalEnd;
	}

	public void setTemporalEnd(@Nullable String temporalEnd) {
		this.temporalEnd = clean(temporalEnd);
	}

	public String getContactName() {
		return contactName;
	}

	public void setContactName(@Nullable String contactName) {
		this.contactName = clean(contactName);
	}

	public String getContactEmail() {
		return contactEmail;
	}

	public void setContactEmail(@Nullable String contactEmail) {
		this.contactEmail = clean(contactEmail);
	}

	public String getLandingPage() {
		return landingPage;
	}

	public void setLandingPage(@Nullable String landingPage) {
		this.landingPage = clean(landingPage);
	}

	public List<Row> getDistributions() {
		return distributions;
	}

	public void setDistributions(@Nullable List<Row> distributions) {
		this.distributions = distributions == null ? new ArrayList<>() : new ArrayList<>(distributions);
	}
}
