package org.orchestra.opendata.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.orchestra.opendata.Dataset;
import org.orchestra.opendata.DatasetRecord;
import org.orchestra.opendata.DatasetStatus;
import org.orchestra.opendata.Distribution;
import org.orchestra.opendata.Publisher;
import org.orchestra.opendata.Texts;
import org.orchestra.opendata.Vocabularies;
import org.springframework.context.MessageSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Datasets, publishers and themes in the shapes CKAN gives them (packages, organizations, groups), so that CKAN
 * clients and ckanext-harvest's CKAN harvester read them unchanged. Titles and notes are in the catalogue's default
 * language (French) with every translation in {@code title_translated} / {@code notes_translated} (ckanext-fluent);
 * the DCAT metadata without a CKAN field travels in {@code extras} under ckanext-dcat's keys.
 */
final class CkanPackages {

	static final String LANGUAGE = "fr";

	private static final DateTimeFormatter CKAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource messages;

	CkanPackages(MessageSource messages) {
		this.messages = messages;
	}

	/** A timestamp as CKAN writes it: UTC, without offset, to the microsecond. */
	static @Nullable String time(@Nullable Instant instant) {
		return instant == null ? null : CKAN_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	Map<String, Object> packageDict(Dataset dataset, @Nullable Publisher publisher, @Nullable Long packageCount) {
		Map<String, Object> p = new LinkedHashMap<>();
		String title = Texts.pick(dataset.title(), LANGUAGE);
		p.put("id", dataset.id().toString());
		p.put("name", dataset.slug());
		p.put("title", title.isBlank() ? dataset.slug() : title);
		p.put("title_translated", translations(dataset.title()));
		p.put("notes", Texts.pick(dataset.description(), LANGUAGE));
		p.put("notes_translated", translations(dataset.description()));
		p.put("url", dataset.landingPage() == null ? "" : dataset.landingPage());
		p.put("version", null);
		p.put("author", null);
		p.put("author_email", null);
		p.put("maintainer", dataset.contactName());
		p.put("maintainer_email", dataset.contactEmail());
		String licence = dataset.licence();
		String licenceId = licence == null ? "" : Vocabularies.licenceCode(licence);
		p.put("license_id", licenceId);
		p.put("license_title", licence == null ? "" : licenceTitle(licenceId));
		p.put("license_url", licence == null ? "" : licence);
		p.put("isopen", Vocabularies.OPEN_LICENCES.contains(licenceId));
		p.put("owner_org", publisher == null ? null : publisher.id());
		p.put("organization", publisher == null ? null : organizationDict(publisher, packageCount, false));
		p.put("private", false);
		p.put("state", dataset.status() == DatasetStatus.PUBLISHED ? "active" : "deleted");
		p.put("type", "dataset");
		p.put("metadata_created", time(dataset.createdAt()));
		p.put("metadata_modified", time(dataset.updatedAt()));
		p.put("creator_user_id", null);
		List<Map<String, Object>> tags = tags(dataset.keywords());
		p.put("tags", tags);
		p.put("num_tags", tags.size());
		List<Map<String, Object>> groups = new ArrayList<>();
		for (String theme : new LinkedHashSet<>(dataset.themes())) {
			Vocabularies.theme(theme).ifPresent(code -> groups.add(groupDict(code)));
		}
		p.put("groups", groups);
		List<Map<String, Object>> resources = new ArrayList<>();
		List<Distribution> distributions = dataset.distributions();
		for (int i = 0; i < distributions.size(); i++) {
			resources.add(resourceDict(dataset, distributions.get(i), i));
		}
		p.put("resources", resources);
		p.put("num_resources", resources.size());
		p.put("extras", extras(dataset, publisher));
		p.put("relationships_as_object", List.of());
		p.put("relationships_as_subject", List.of());
		return p;
	}

	private Map<String, Object> resourceDict(Dataset dataset, Distribution distribution, int position) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("id", distribution.id().toString());
		r.put("package_id", dataset.id().toString());
		r.put("url", link(distribution.dataUrl()));
		r.put("name", Texts.pick(distribution.title(), LANGUAGE));
		r.put("description", Texts.pick(distribution.description(), LANGUAGE));
		r.put("format", distribution.format() == null ? "" : distribution.format());
		r.put("mimetype", distribution.mediaType());
		r.put("size", distribution.byteSize());
		r.put("last_modified", time(distribution.modified()));
		r.put("created", time(dataset.createdAt()));
		r.put("position", position);
		r.put("state", "active");
		r.put("url_type", null);
		r.put("access_url", link(distribution.accessUrl()));
		r.put("download_url", distribution.downloadUrl() == null ? null : link(distribution.downloadUrl()));
		r.put("uri", distribution.uri());
		r.put("license", distribution.licence());
		return r;
	}

	/** A URL as a valid IRI when it can be repaired (a space encoded), else as given. */
	private static String link(String url) {
		return RdfValues.iri(url).orElse(url);
	}

	Map<String, Object> organizationDict(Publisher publisher, @Nullable Long packageCount, boolean full) {
		Map<String, Object> o = new LinkedHashMap<>();
		String title = Texts.pick(publisher.name(), LANGUAGE);
		o.put("id", publisher.id());
		o.put("name", publisher.id());
		o.put("title", title.isBlank() ? publisher.id() : title);
		o.put("display_name", title.isBlank() ? publisher.id() : title);
		o.put("title_translated", translations(publisher.name()));
		o.put("description", "");
		o.put("image_url", "");
		o.put("image_display_url", "");
		o.put("created", time(publisher.createdAt()));
		o.put("is_organization", true);
		o.put("approval_status", "approved");
		o.put("state", "active");
		o.put("type", "organization");
		if (packageCount != null) {
			o.put("package_count", packageCount);
		}
		if (full) {
			List<Map<String, String>> extras = new ArrayList<>();
			extra(extras, "uri", publisher.uri());
			extra(extras, "publisher_type", publisher.type());
			extra(extras, "homepage", publisher.homepage());
			extra(extras, "email", publisher.email());
			o.put("extras", extras);
			o.put("num_followers", 0);
		}
		return o;
	}

	/** An EU data theme as a CKAN group. */
	Map<String, Object> groupDict(String code) {
		Map<String, Object> g = new LinkedHashMap<>();
		String name = code.toLowerCase(Locale.ROOT);
		String title = themeTitle(code);
		g.put("id", name);
		g.put("name", name);
		g.put("title", title);
		g.put("display_name", title);
		g.put("description", "");
		g.put("image_display_url", "");
		g.put("uri", Vocabularies.THEME_BASE + code);
		return g;
	}

	String themeTitle(String code) {
		return messages.getMessage("opendata.dcat.theme." + code, null, code, Locale.of(LANGUAGE));
	}

	String licenceTitle(String code) {
		return messages.getMessage("opendata.ckan.licence." + code, null, code, Locale.of(LANGUAGE));
	}

	/**
	 * Keywords as CKAN tags: names keep letters, digits, spaces, {@code - _ .} (what CKAN's validator accepts), other
	 * characters become hyphens, 2 to 100 characters; the display name is the keyword as given.
	 */
	static List<Map<String, Object>> tags(List<String> keywords) {
		List<Map<String, Object>> tags = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (String keyword : keywords) {
			String name = tagName(keyword);
			if (name.length() >= 2 && seen.add(name)) {
				Map<String, Object> tag = new LinkedHashMap<>();
				tag.put("id", UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
				tag.put("name", name);
				tag.put("display_name", RdfValues.text(keyword).orElse(name));
				tag.put("state", "active");
				tag.put("vocabulary_id", null);
				tags.add(tag);
			}
		}
		return tags;
	}

	static String tagName(String keyword) {
		String name = RdfValues.text(keyword).orElse("")
			.replaceAll("[^\\p{L}\\p{N}_ .-]+", "-")
			.replaceAll("\\s+", " ")
			.replaceAll("-{2,}", "-")
			.strip();
		name = name.replaceAll("^-+|-+$", "").strip();
		return name.length() > 100 ? name.substring(0, 100).strip() : name;
	}

	private static Map<String, String> translations(Map<String, String> texts) {
		Map<String, String> out = new TreeMap<>();
		texts.forEach((language, text) -> {
			if (!language.isBlank() && text != null && !text.isBlank()) {
				out.put(language, text);
			}
		});
		return out;
	}

	private List<Map<String, String>> extras(Dataset dataset, @Nullable Publisher publisher) {
		List<Map<String, String>> extras = new ArrayList<>();
		extra(extras, "uri", dataset.uri());
		extra(extras, "identifier", dataset.identifier());
		if (dataset.kind() == DatasetRecord.Kind.SERVICE) {
			extra(extras, "dcat_type", DcatMapper.DCAT + "DataService");
			extra(extras, "endpoint_url", dataset.endpointUrl());
			extra(extras, "endpoint_description", dataset.endpointDescription());
		}
		if (!dataset.languages().isEmpty()) {
			extra(extras, "language", JSON.writeValueAsString(dataset.languages()));
		}
		List<String> themes = dataset.themes()
			.stream()
			.map(Vocabularies::theme)
			.flatMap(Optional::stream)
			.distinct()
			.map(code -> Vocabularies.THEME_BASE + code)
			.toList();
		if (!themes.isEmpty()) {
			extra(extras, "theme", JSON.writeValueAsString(themes));
		}
		extra(extras, "spatial_uri", dataset.spatialUri());
		RdfValues.geometry(dataset.bbox()).ifPresent(geometry -> {
			Envelope e = geometry.getEnvelopeInternal();
			List<List<List<Double>>> ring = List.of(List.of(List.of(e.getMinX(), e.getMinY()),
					List.of(e.getMaxX(), e.getMinY()), List.of(e.getMaxX(), e.getMaxY()),
					List.of(e.getMinX(), e.getMaxY()), List.of(e.getMinX(), e.getMinY())));
			extra(extras, "spatial", JSON.writeValueAsString(Map.of("type", "Polygon", "coordinates", ring)));
			extra(extras, "spatial_bbox", geometry.toText());
		});
		extra(extras, "temporal_start", dataset.temporalStart() == null ? null : dataset.temporalStart().toString());
		extra(extras, "temporal_end", dataset.temporalEnd() == null ? null : dataset.temporalEnd().toString());
		extra(extras, "contact_name", dataset.contactName());
		extra(extras, "contact_email", dataset.contactEmail());
		if (publisher != null) {
			extra(extras, "publisher_uri", publisher.uri());
			extra(extras, "publisher_name", Texts.pick(publisher.name(), LANGUAGE));
		}
		extra(extras, "access_rights", dataset.accessRights());
		extra(extras, "frequency", dataset.accrualPeriodicity());
		extra(extras, "issued", dataset.issued() == null ? null : dataset.issued().toString());
		extra(extras, "modified", dataset.modified() == null ? null : dataset.modified().toString());
		return extras;
	}

	private static void extra(List<Map<String, String>> extras, String key, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			Map<String, String> extra = new LinkedHashMap<>();
			extra.put("key", key);
			extra.put("value", value);
			extras.add(extra);
		}
	}
}
