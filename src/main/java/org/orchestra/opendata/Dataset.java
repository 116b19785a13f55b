package org.orchestra.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A dataset or data service of the catalogue, owned by the organisation that publishes it here or that harvests
 * it. Its metadata is kept as the {@link DatasetRecord} it was last given, with its quality score.
 */
@Entity
@Table(name = "opendata_dataset")
public class Dataset {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "organisation_id", nullable = false, updatable = false)
	private String organisationId;

	@Column(nullable = false, unique = true)
	private String slug;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DatasetRecord.Kind kind;

	@Column(name = "identity_key", nullable = false)
	private String identityKey;

	private @Nullable String uri;

	private @Nullable String identifier;

	@Column(name = "publisher_id")
	private @Nullable String publisherId;

	@Convert(converter = Texts.MapConverter.class)
	@Column(name = "title_json", nullable = false)
	private Map<String, String> title;

	@Column(name = "sort_fr", nullable = false)
	private String sortFr;

	@Column(name = "sort_nl", nullable = false)
	private String sortNl;

	@Column(name = "sort_en", nullable = false)
	private String sortEn;

	@Convert(converter = Texts.MapConverter.class)
	@Column(name = "description_json", nullable = false)
	private Map<String, String> description;

	@Convert(converter = Texts.ListConverter.class)
	@Column(name = "keywords_json", nullable = false)
	private List<String> keywords;

	@Convert(converter = Texts.ListConverter.class)
	@Column(name = "themes_json", nullable = false)
	private List<String> themes;

	@Convert(converter = Texts.ListConverter.class)
	@Column(name = "languages_json", nullable = false)
	private List<String> languages;

	private @Nullable String licence;

	@Column(name = "access_rights")
	private @Nullable String accessRights;

	@Column(name = "accrual_periodicity")
	private @Nullable String accrualPeriodicity;

	@Column(name = "temporal_start")
	private @Nullable LocalDate temporalStart;

	@Column(name = "temporal_end")
	private @Nullable LocalDate temporalEnd;

	@Column(name = "spatial_uri")
	private @Nullable String spatialUri;

	private @Nullable String bbox;

	@Column(name = "contact_name")
	private @Nullable String contactName;

	@Column(name = "contact_email")
	private @Nullable String contactEmail;

	@Column(name = "landing_page")
	private @Nullable String landingPage;

	@Column(name = "endpoint_url")
	private @Nullable String endpointUrl;

	@Column(name = "endpoint_description")
	private @Nullable String endpointDescription;

	private @Nullable Instant issued;

	private @Nullable Instant modified;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DatasetStatus status;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Origin origin;

	@Column(name = "source_id")
	private @Nullable UUID sourceId;

	@Column(name = "content_hash", nullable = false)
	private String contentHash;

	@Column(name = "quality_findability", nullable = false)
	private int qualityFindability;

	@Column(name = "quality_accessibility", nullable = false)
	private int qualityAccessibility;

	@Column(name = "quality_interoperability", nullable = false)
	private int qualityInteroperability;

	@Column(name = "quality_reusability", nullable = false)
	private int qualityReusability;

	@Column(name = "quality_contextuality", nullable = false)
	private int qualityContextuality;

	@Column(name = "quality_total", nullable = false)
	private int qualityTotal;

	@Column(nullable = false)
	private boolean demo;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "opendata_distribution", joinColumns = @JoinColumn(name = "dataset_id"))
	@OrderColumn(name = "position")
	private List<Distribution> distributions = new ArrayList<>();

	protected Dataset() {
		this.id = UUID.randomUUID();
		this.slug = "";
		this.kind = DatasetRecord.Kind.DATASET;
		this.identityKey = "";
		this.title = Map.of();
		this.sortFr = "";
		this.sortNl = "";
		this.sortEn = "";
		this.description = Map.of();
		this.keywords = List.of();
		this.themes = List.of();
		this.languages = List.of();
		this.status = DatasetStatus.PUBLISHED;
		this.origin = Origin.LOCAL;
		this.contentHash = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	Dataset(UUID id, String slug, String identityKey, Origin origin, @Nullable UUID sourceId, boolean demo,
			Instant now) {
		this();
		this.id = id;
		this.slug = slug;
		this.identityKey = identityKey;
		this.origin = origin;
		this.sourceId = sourceId;
		this.demo = demo;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Takes the record's metadata, keeping the identifiers of distributions whose URL did not change. */
	void apply(DatasetRecord record, String contentHash, @Nullable String publisherId, QualityScore quality,
			Instant now) {
		this.kind = record.kind();
		this.uri = record.uri();
		this.identifier = record.identifier();
		this.publisherId = publisherId;
		this.title = record.title();
		this.sortFr = Texts.sortKey(Texts.pick(record.title(), "fr"));
		this.sortNl = Texts.sortKey(Texts.pick(record.title(), "nl"));
		this.sortEn = Texts.sortKey(Texts.pick(record.title(), "en"));
		this.description = record.description();
		this.keywords = record.keywords();
		this.themes = record.themes();
		this.languages = record.languages();
		this.licence = record.licence();
		this.accessRights = record.accessRights();
		this.accrualPeriodicity = record.accrualPeriodicity();
		this.temporalStart = record.temporalStart();
		this.temporalEnd = record.temporalEnd();
		this.spatialUri = record.spatialUri();
		this.bbox = record.bbox();
		this.contactName = record.contactName();
		this.contactEmail = record.contactEmail();
		this.landingPage = record.landingPage();
		this.endpointUrl = record.endpointUrl();
		this.endpointDescription = record.endpointDescription();
		this.issued = record.issued();
		this.modified = record.modified();
		List<Distribution> previous = List.copyOf(distributions);
		List<Distribution> next = new ArrayList<>();
		for (DatasetRecord.DistributionRecord d : record.distributions()) {
			UUID keep = previous.stream()
				.filter(p -> p.accessUrl().equals(d.accessUrl()) && next.stream().noneMatch(n -> n.id().equals(p.id())))
				.map(Distribution::id)
				.findFirst()
				.orElseGet(UUID::randomUUID);
			next.add(new Distribution(keep, d));
		}
		this.distributions.clear();
		this.distributions.addAll(next);
		this.contentHash = contentHash;
		this.qualityFindability = quality.findability();
		this.qualityAccessibility = quality.accessibility();
		this.qualityInteroperability = quality.interoperability();
		this.qualityReusability = quality.reusability();
		this.qualityContextuality = quality.contextuality();
		this.qualityTotal = quality.total();
		this.status = DatasetStatus.PUBLISHED;
		this.updatedAt = now;
	}

	void withdraw(Instant now) {
		this.status = DatasetStatus.WITHDRAWN;
		this.updatedAt = now;
	}

	void moveToSource(@Nullable UUID sourceId) {
		this.sourceId = sourceId;
	}

	/** The metadata as a record, as last given. */
	public DatasetRecord toRecord(DatasetRecord.@Nullable PublisherRecord publisher) {
		return new DatasetRecord(slug, kind, uri, identifier, title, description, keywords, themes, languages, licence,
				accessRights, accrualPeriodicity, temporalStart, temporalEnd, spatialUri, bbox, contactName,
				contactEmail, landingPage, issued, modified, publisher,
				distributions.stream().map(Distribution::toRecord).toList(), endpointUrl, endpointDescription);
	}

	public UUID id() {
		return id;
	}

	public String organisationId() {
		return organisationId;
	}

	public String slug() {
		return slug;
	}

	public DatasetRecord.Kind kind() {
		return kind;
	}

	public String identityKey() {
		return identityKey;
	}

	public @Nullable String uri() {
		return uri;
	}

	public @Nullable String identifier() {
		return identifier;
	}

	public @Nullable String publisherId() {
		return publisherId;
	}

	public Map<String, String> title() {
		return title;
	}

	public String titleIn(String language) {
		return Texts.pick(title, language);
	}

	public Map<String, String> description() {
		return description;
	}

	public String descriptionIn(String language) {
		return Texts.pick(description, language);
	}

	public List<String> keywords() {
		return keywords;
	}

	public List<String> themes() {
		return themes;
	}

	public List<String> languages() {
		return languages;
	}

	public @Nullable String licence() {
		return licence;
	}

	public @Nullable String accessRights() {
		return accessRights;
	}

	public @Nullable String accrualPeriodicity() {
		return accrualPeriodicity;
	}

	public @Nullable LocalDate temporalStart() {
		return temporalStart;
	}

	public @Nullable LocalDate temporalEnd() {
		return temporalEnd;
	}

	public @Nullable String spatialUri() {
		return spatialUri;
	}

	public @Nullable String bbox() {
		return bbox;
	}

	public @Nullable String contactName() {
		return contactName;
	}

	public @Nullable String contactEmail() {
		return contactEmail;
	}

	public @Nullable String landingPage() {
		return landingPage;
	}

	public @Nullable String endpointUrl() {
		return endpointUrl;
	}

	public @Nullable String endpointDescription() {
		return endpointDescription;
	}

	public @Nullable Instant issued() {
		return issued;
	}

	public @Nullable Instant modified() {
		return modified;
	}

	public DatasetStatus status() {
		return status;
	}

	public Origin origin() {
		return origin;
	}

	public @Nullable UUID sourceId() {
		return sourceId;
	}

	public String contentHash() {
		return contentHash;
	}

	public QualityScore quality() {
		return new QualityScore(qualityFindability, qualityAccessibility, qualityInteroperability, qualityReusability,
				qualityContextuality);
	}

	public boolean demo() {
		return demo;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public List<Distribution> distributions() {
		return List.copyOf(distributions);
	}
}
