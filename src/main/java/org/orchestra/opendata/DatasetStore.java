package org.orchestra.opendata;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.jspecify.annotations.Nullable;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes datasets into the catalogue and keeps the search index in step: harvested records (created, updated,
 * left alone when their hash is unchanged, recognised when another source already brought them) and datasets
 * authored here. Every method runs inside the caller's transaction, opened for the owning organisation.
 */
@Component
public class DatasetStore {

	private static final int STATISTICS_STEP = 1000;

	/** What writing one harvested record did. */
	public enum Outcome {
		CREATED, UPDATED, UNCHANGED
	}

	private static final int MAX_TERMS = 400;

	private final Datasets datasets;
	private final Publishers publishers;
	private final JdbcTemplate jdbc;
	private final OrganisationDirectory organisations;
	private final Clock clock = Clock.systemUTC();
	private long createdSinceStatistics;
	private long createdAtStatistics;
	private @Nullable Boolean postgres;

	private final EntityManager entityManager;

	DatasetStore(Datasets datasets, Publishers publishers, JdbcTemplate jdbc, OrganisationDirectory organisations,
			EntityManager entityManager) {
		this.entityManager = entityManager;
		this.datasets = datasets;
		this.publishers = publishers;
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	/**
	 * Writes one record of a source. A record whose hash did not change since the source last gave it is left
	 * alone; a dataset that another source (or a publisher here) already holds under the same identity is linked,
	 * not copied.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Outcome upsertHarvested(HarvestSource source, UUID jobId, DatasetRecord record) {
		String hash = record.contentHash();
		Optional<Link> link = link(source.id(), record.recordId());
		if (link.isPresent()) {
			Link known = link.get();
			if (!source.id().equals(known.sourceId())
					|| known.hash().equals(hash) && known.status() == DatasetStatus.PUBLISHED) {
				touch(source.id(), record.recordId(), hash, jobId);
				return Outcome.UNCHANGED;
			}
			Dataset dataset = datasets.findById(known.datasetId()).orElseThrow();
			harvested(dataset, record, source.publisherId());
			touch(source.id(), record.recordId(), hash, jobId);
			return Outcome.UPDATED;
		}
		String identity = record.identityKey(source.id().toString());
		Optional<Held> held = heldUnder(identity);
		if (held.isPresent()) {
			Held existing = held.get();
			insertLink(source.id(), record.recordId(), existing.id(), hash, jobId);
			boolean ours = source.id().equals(existing.sourceId())
					|| existing.origin() == Origin.HARVESTED && existing.status() == DatasetStatus.WITHDRAWN
							&& existing.organisationId().equals(source.organisationId());
			if (!ours) {
				return Outcome.UNCHANGED;
			}
			Dataset dataset = datasets.findById(existing.id()).orElseThrow();
			dataset.moveToSource(source.id());
			harvested(dataset, record, source.publisherId());
			return Outcome.UPDATED;
		}
		Dataset dataset = new Dataset(UUID.randomUUID(), uniqueSlug(record.titleIn("fr"), identity), identity,
				Origin.HARVESTED, source.id(), false, clock.instant());
		harvested(dataset, record, source.publisherId());
		insertLink(source.id(), record.recordId(), dataset.id(), hash, jobId);
		return Outcome.CREATED;
	}

	/**
	 * Called once a page of harvested datasets is committed. A harvest loads thousands of datasets into tables that
	 * may have been empty a minute before, faster than the database's own statistics follow (autovacuum looks once
	 * a minute, and can be off); planned as still empty, every record's lookups would scan. So each time the
	 * datasets created since the last refresh reach the number created before it (and at least a thousand), the
	 * statistics of the catalogue's tables are refreshed. Called outside any transaction.
	 */
	public synchronized void harvested(int created) {
		createdSinceStatistics += Math.max(created, 0);
		if (createdSinceStatistics < Math.max(STATISTICS_STEP, createdAtStatistics)) {
			return;
		}
		createdAtStatistics += createdSinceStatistics;
		createdSinceStatistics = 0;
		if (postgres == null) {
			postgres = "PostgreSQL".equals(jdbc.execute(
					(ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()));
		}
		if (postgres) {
			jdbc.execute("ANALYZE opendata_dataset, opendata_distribution, opendata_harvest_record, opendata_index");
		}
	}

	/**
	 * After a complete run: forgets the source's records it did not give this time and withdraws the datasets no
	 * source gives any more. Returns how many were withdrawn.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int withdrawMissing(HarvestSource source, UUID jobId) {
		List<UUID> gone = jdbc.queryForList(
				"SELECT dataset_id FROM opendata_harvest_record WHERE source_id = ? AND last_job_id <> ?", UUID.class,
				source.id(), jobId);
		jdbc.update("DELETE FROM opendata_harvest_record WHERE source_id = ? AND last_job_id <> ?", source.id(), jobId);
		int withdrawn = 0;
		for (UUID id : new LinkedHashSet<>(gone)) {
			Dataset dataset = datasets.findById(id).orElse(null);
			if (dataset == null || dataset.origin() != Origin.HARVESTED || !source.id().equals(dataset.sourceId())) {
				continue;
			}
			List<UUID> others = jdbc.queryForList(
					"SELECT source_id FROM opendata_harvest_record WHERE dataset_id = ? ORDER BY source_id", UUID.class,
					id);
			if (others.isEmpty()) {
				if (dataset.status() == DatasetStatus.PUBLISHED) {
					dataset.withdraw(clock.instant());
					unindex(id);
					withdrawn++;
				}
			}
			else {
				dataset.moveToSource(others.getFirst());
			}
		}
		return withdrawn;
	}

	/** Publishes a dataset authored by the current organisation. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Dataset createLocal(OrganisationId organisation, DatasetRecord record, boolean demo) {
		String publisherId = publisherOf(organisation).id();
		String slug = uniqueSlug(record.titleIn("fr"), record.recordId());
		String identity = record.identifier() != null || record.uri() != null ? record.identityKey("local")
				: "local:" + slug;
		if (heldUnder(identity).isPresent()) {
			throw new OpendataException("opendata.error.duplicate", 409);
		}
		Dataset dataset = new Dataset(UUID.randomUUID(), slug, identity, Origin.LOCAL, null, demo, clock.instant());
		write(dataset, record, publisherId);
		return dataset;
	}

	/** Replaces the metadata of a dataset authored here. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Dataset updateLocal(Dataset dataset, DatasetRecord record) {
		if (dataset.origin() != Origin.LOCAL) {
			throw new OpendataException("opendata.error.harvested-read-only", 409);
		}
		write(dataset, record, dataset.publisherId());
		return dataset;
	}

	/** Takes a dataset authored here out of the catalogue (it stays reachable, marked withdrawn). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void withdrawLocal(Dataset dataset) {
		if (dataset.origin() != Origin.LOCAL) {
			throw new OpendataException("opendata.error.harvested-read-only", 409);
		}
		dataset.withdraw(clock.instant());
		unindex(dataset.id());
	}

	/** The publisher standing for an organisation of the platform, created on first use. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Publisher publisherOf(OrganisationId organisation) {
		return publishers.findByOrganisationId(organisation.value()).orElseGet(() -> {
			Map<String, String> name = new LinkedHashMap<>();
			for (String language : List.of("fr", "nl", "en")) {
				name.put(language, organisations.nameOf(organisation, Locale.of(language)));
			}
			return publishers.saveAndFlush(new Publisher(organisation.value(), organisation.value(), null, name,
					"http://purl.org/adms/publishertype/LocalAuthority", null, null, clock.instant()));
		});
	}

	/** The publisher a source names, found by IRI or name, created when new. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<String> publisherFor(DatasetRecord.@Nullable PublisherRecord given) {
		if (given == null || given.name().isEmpty() && given.uri() == null) {
			return Optional.empty();
		}
		if (given.uri() != null) {
			Optional<Publisher> known = publishers.findByUri(given.uri());
			if (known.isPresent()) {
				return Optional.of(known.get().id());
			}
		}
		String key = given.uri() != null ? given.uri() : Texts.sortKey(Texts.pick(given.name(), "fr"));
		String id = "ext-" + Integer.toHexString(key.hashCode()) + "-"
				+ Integer.toHexString(new StringBuilder(key).reverse().toString().hashCode());
		if (publishers.existsById(id)) {
			return Optional.of(id);
		}
		Map<String, String> name = given.name().isEmpty() ? Map.of("", given.uri()) : given.name();
		publishers.saveAndFlush(new Publisher(id, null, given.uri(), name, given.type(), given.homepage(),
				given.email(), clock.instant()));
		return Optional.of(id);
	}

	/**
	 * Writes a harvested dataset and lets go of it: a run writes thousands, and the persistence context must not
	 * grow (every query would flush and compare them all).
	 */
	private void harvested(Dataset dataset, DatasetRecord record, @Nullable String fallbackPublisher) {
		write(dataset, record, fallbackPublisher);
		entityManager.detach(dataset);
	}

	private void write(Dataset dataset, DatasetRecord given, @Nullable String fallbackPublisher) {
		DatasetRecord record = given.fitted();
		String publisherId = publisherFor(record.publisher()).orElse(fallbackPublisher);
		DatasetRecord.PublisherRecord publisher = record.publisher() != null ? record.publisher()
				: publisherId == null ? null : publishers.findById(publisherId).map(Publisher::toRecord).orElse(null);
		DatasetRecord scored = publisher == record.publisher() ? record : withPublisher(record, publisher);
		dataset.apply(record, given.contentHash(), publisherId, QualityScore.assess(scored).score(), clock.instant());
		datasets.saveAndFlush(dataset);
		reindex(dataset);
	}

	private static DatasetRecord withPublisher(DatasetRecord r, DatasetRecord.@Nullable PublisherRecord publisher) {
		return new DatasetRecord(r.recordId(), r.kind(), r.uri(), r.identifier(), r.title(), r.description(),
				r.keywords(), r.themes(), r.languages(), r.licence(), r.accessRights(), r.accrualPeriodicity(),
				r.temporalStart(), r.temporalEnd(), r.spatialUri(), r.bbox(), r.contactName(), r.contactEmail(),
				r.landingPage(), r.issued(), r.modified(), publisher, r.distributions(), r.endpointUrl(),
				r.endpointDescription());
	}

	/** Rewrites the index rows of a dataset from its current metadata (none unless published). */
	void reindex(Dataset dataset) {
		unindex(dataset.id());
		if (dataset.status() != DatasetStatus.PUBLISHED) {
			return;
		}
		Set<List<String>> rows = new LinkedHashSet<>();
		Set<String> terms = new LinkedHashSet<>();
		dataset.title().values().forEach(t -> terms.addAll(Texts.terms(t)));
		dataset.keywords().forEach(k -> terms.addAll(Texts.terms(k)));
		dataset.description().values().forEach(t -> terms.addAll(Texts.terms(t)));
		terms.stream().limit(MAX_TERMS).forEach(t -> rows.add(List.of(SearchQuery.TERM, t)));
		dataset.title().values().forEach(t -> Texts.terms(t).forEach(w -> rows.add(List.of(SearchQuery.TITLE, w))));
		if (dataset.publisherId() != null) {
			rows.add(List.of(SearchQuery.PUBLISHER, dataset.publisherId()));
		}
		dataset.themes().forEach(t -> rows.add(List.of(SearchQuery.THEME, t)));
		dataset.distributions().stream()
			.map(Distribution::format)
			.filter(f -> f != null)
			.forEach(f -> rows.add(List.of(SearchQuery.FORMAT, f)));
		if (dataset.licence() != null) {
			rows.add(List.of(SearchQuery.LICENCE, clip(Vocabularies.licenceCode(dataset.licence()))));
		}
		dataset.keywords().forEach(k -> rows.add(List.of(SearchQuery.KEYWORD, clip(Texts.fold(k).strip()))));
		dataset.languages().forEach(l -> rows.add(List.of(SearchQuery.LANGUAGE, l)));
		rows.add(List.of(SearchQuery.KIND, dataset.kind().name()));
		List<Object[]> batch = new ArrayList<>(rows.size());
		Set<List<String>> distinct = new LinkedHashSet<>();
		for (List<String> row : rows) {
			if (!row.get(1).isBlank() && distinct.add(row)) {
				batch.add(new Object[] { dataset.id(), row.get(0), row.get(1) });
			}
		}
		jdbc.batchUpdate("INSERT INTO opendata_index (dataset_id, kind, val) VALUES (?, ?, ?)", batch);
	}

	private static String clip(String value) {
		return value.length() > 200 ? value.substring(0, 200) : value;
	}

	void unindex(UUID datasetId) {
		jdbc.update("DELETE FROM opendata_index WHERE dataset_id = ?", datasetId);
	}

	private String uniqueSlug(String title, String salt) {
		String base = Texts.fold(title).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		if (base.isEmpty()) {
			base = "dataset";
		}
		if (base.length() > 80) {
			base = base.substring(0, 80).replaceAll("-+$", "");
		}
		String candidate = base;
		if (slugTaken(candidate)) {
			candidate = base + "-" + Integer.toHexString(salt.hashCode() & 0xfffffff);
			int n = 2;
			while (slugTaken(candidate)) {
				candidate = base + "-" + Integer.toHexString(salt.hashCode() & 0xfffffff) + "-" + n++;
			}
		}
		return candidate;
	}

	private boolean slugTaken(String slug) {
		Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM opendata_dataset WHERE slug = ?", Integer.class, slug);
		return count != null && count > 0;
	}

	/** A source's record, the dataset it gave, and who holds that dataset now. */
	private record Link(UUID datasetId, String hash, @Nullable UUID sourceId, @Nullable DatasetStatus status) {
	}

	private record Held(UUID id, String organisationId, @Nullable UUID sourceId, Origin origin, DatasetStatus status) {
	}

	private Optional<Link> link(UUID sourceId, String recordId) {
		return jdbc
			.query("SELECT r.dataset_id, r.content_hash, d.source_id, d.status FROM opendata_harvest_record r "
					+ "LEFT JOIN opendata_dataset d ON d.id = r.dataset_id WHERE r.source_id = ? AND r.record_id = ?",
					(rs, i) -> new Link(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
							rs.getString(4) == null ? null : DatasetStatus.valueOf(rs.getString(4))),
					sourceId, clipRecord(recordId))
			.stream()
			.findFirst();
	}

	private Optional<Held> heldUnder(String identityKey) {
		return jdbc
			.query("SELECT id, organisation_id, source_id, origin, status FROM opendata_dataset WHERE identity_key = ?",
					(rs, i) -> new Held(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
							Origin.valueOf(rs.getString(4)), DatasetStatus.valueOf(rs.getString(5))),
					identityKey)
			.stream()
			.findFirst();
	}

	private void insertLink(UUID sourceId, String recordId, UUID datasetId, String hash, UUID jobId) {
		jdbc.update("INSERT INTO opendata_harvest_record (source_id, record_id, dataset_id, content_hash, last_job_id) "
				+ "VALUES (?, ?, ?, ?, ?)", sourceId, clipRecord(recordId), datasetId, hash, jobId);
	}

	private void touch(UUID sourceId, String recordId, String hash, UUID jobId) {
		jdbc.update("UPDATE opendata_harvest_record SET content_hash = ?, last_job_id = ? WHERE source_id = ? "
				+ "AND record_id = ?", hash, jobId, sourceId, clipRecord(recordId));
	}

	private static String clipRecord(String recordId) {
		return recordId.length() > 700 ? recordId.substring(0, 700) : recordId;
	}
}
