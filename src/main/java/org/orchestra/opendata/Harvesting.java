package org.orchestra.opendata;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.harvest.SourceClient;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Harvesting for the organisation of the current tenant context: its harvest sources (created, changed, deleted
 * with validated settings and limits), runs started on demand (asynchronously, at most one at a time per source)
 * or synchronously, and the jobs with their progress and reports. An organisation never sees or runs another's
 * sources.
 */
@Service
public class Harvesting {

	public static final int DEFAULT_PAGE_SIZE = 100;
	public static final int MAX_PAGE_SIZE = 1000;
	public static final int DEFAULT_MAX_PAGES = 1000;
	public static final int MAX_MAX_PAGES = 100_000;
	public static final int DEFAULT_MAX_MEGABYTES = 50;
	public static final int MAX_MAX_MEGABYTES = 1024;
	public static final int DEFAULT_TIMEOUT_SECONDS = 60;
	public static final int MAX_TIMEOUT_SECONDS = 600;
	static final long MEGABYTE = 1024L * 1024L;

	/**
	 * What a source is, as an organisation sets it. Kind and schedule are the names of {@link SourceKind} and
	 * {@link Schedule}; limits left empty take their defaults.
	 *
	 * @param ownPublisher whether records that name no publisher are published under the organisation
	 */
	public record SourceSettings(@Nullable String name, @Nullable String kind, @Nullable String url,
			@Nullable String schedule, boolean enabled, @Nullable Integer pageSize, @Nullable Integer maxPages,
			@Nullable Integer maxMegabytes, @Nullable Integer timeoutSeconds, boolean ownPublisher) {

		/** Settings with the default limits. */
		public static SourceSettings of(String name, SourceKind kind, String url, Schedule schedule) {
			return new SourceSettings(name, kind.name(), url, schedule.name(), true, null, null, null, null, false);
		}

		public SourceSettings withLimits(@Nullable Integer pageSize, @Nullable Integer maxPages,
				@Nullable Integer maxMegabytes, @Nullable Integer timeoutSeconds) {
			return new SourceSettings(name, kind, url, schedule, enabled, pageSize, maxPages, maxMegabytes,
					timeoutSeconds, ownPublisher);
		}

		/** The settings a source has now, for its edit form. */
		public static SourceSettings of(HarvestSource source) {
			return new SourceSettings(source.name(), source.kind().name(), source.url(), source.schedule().name(),
					source.enabled(), source.pageSize(), source.maxPages(),
					(int) Math.max(1, (source.maxBytes() + MEGABYTE - 1) / MEGABYTE), source.timeoutSeconds(),
					source.publisherId() != null && source.publisherId().equals(source.organisationId()));
		}
	}

	/** A source with its last run, if any. */
	public record SourceSummary(HarvestSource source, @Nullable HarvestJob lastJob) {
	}

	/** A record of a run that could not be read or written, and why. */
	public record Failure(int position, @Nullable String recordId, String reason) {
	}

	/** A run and its report. */
	public record JobReport(HarvestJob job, HarvestSource source, List<Failure> failures) {
	}

	private final HarvestSources sources;
	private final HarvestJobs jobs;
	private final HarvestRunner runner;
	private final DatasetStore store;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final OpendataProperties properties;
	private final Clock clock = Clock.systemUTC();

	Harvesting(HarvestSources sources, HarvestJobs jobs, HarvestRunner runner, DatasetStore store, JdbcTemplate jdbc,
			TransactionTemplate transactions, ApplicationEventPublisher events, OpendataProperties properties) {
		this.sources = sources;
		this.jobs = jobs;
		this.runner = runner;
		this.store = store;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
	}

	private static OrganisationId organisation() {
		return TenantContext.require();
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

	// ---- Sources ----

	/** The organisation's sources by name, each with its last run. */
	public List<SourceSummary> sources() {
		organisation();
		return inTransaction(() -> sources.findByOrderByNameAsc()
			.stream()
			.map(s -> new SourceSummary(s, s.lastJobId() == null ? null : jobs.findById(s.lastJobId()).orElse(null)))
			.toList());
	}

	/** One of the organisation's sources; another organisation's is not found. */
	public Optional<HarvestSource> source(UUID id) {
		String organisation = organisation().value();
		return inTransaction(() -> sources.findById(id).filter(s -> s.organisationId().equals(organisation)));
	}

	public HarvestSource create(SourceSettings settings, String actor) {
		OrganisationId organisation = organisation();
		Valid valid = validate(settings);
		return inTransaction(() -> {
			String publisher = settings.ownPublisher() ? store.publisherOf(organisation).id() : null;
			HarvestSource source = new HarvestSource(valid.name(), valid.kind(), valid.url(), valid.schedule(),
					publisher, valid.pageSize(), valid.maxPages(), valid.maxBytes(), valid.timeoutSeconds(),
					clock.instant());
			if (!settings.enabled()) {
				source.update(valid.name(), valid.kind(), valid.url(), valid.schedule(), false, publisher,
						valid.pageSize(), valid.maxPages(), valid.maxBytes(), valid.timeoutSeconds(), clock.instant());
			}
			HarvestSource saved = sources.saveAndFlush(source);
			events.publishEvent(new HarvestSourceChanged(saved.id(), organisation.value(), "created", actor,
					describe(saved)));
			return saved;
		});
	}

	public HarvestSource update(UUID id, SourceSettings settings, String actor) {
		OrganisationId organisation = organisation();
		Valid valid = validate(settings);
		try {
			return inTransaction(() -> {
				HarvestSource source = find(id, organisation);
				String publisher = settings.ownPublisher() ? store.publisherOf(organisation).id()
						: organisation.value().equals(source.publisherId()) ? null : source.publisherId();
				source.update(valid.name(), valid.kind(), valid.url(), valid.schedule(), settings.enabled(),
						publisher, valid.pageSize(), valid.maxPages(), valid.maxBytes(), valid.timeoutSeconds(),
						clock.instant());
				HarvestSource saved = sources.saveAndFlush(source);
				events.publishEvent(new HarvestSourceChanged(saved.id(), organisation.value(), "updated", actor,
						describe(saved)));
				return saved;
			});
		}
		catch (ObjectOptimisticLockingFailureException e) {
			throw new OpendataException("opendata.harvest.error.concurrent", 409);
		}
	}

	/**
	 * Deletes a source with its runs. Its datasets that no other source gives are withdrawn (they stay reachable,
	 * marked withdrawn); those another source also gives stay published under that source.
	 */
	public void delete(UUID id, String actor) {
		OrganisationId organisation = organisation();
		try {
			inTransaction(() -> {
				HarvestSource source = find(id, organisation);
				if (runner.isRunning(id) || runningJob(id)) {
					throw new OpendataException("opendata.harvest.error.running", 409);
				}
				int withdrawn = store.withdrawMissing(source, UUID.randomUUID());
				sources.flush();
				jdbc.update("UPDATE opendata_dataset SET source_id = NULL WHERE source_id = ?", id);
				sources.delete(source);
				sources.flush();
				events.publishEvent(new HarvestSourceChanged(id, organisation.value(), "deleted", actor,
						source.name() + " (" + withdrawn + " datasets withdrawn)"));
				return null;
			});
		}
		catch (ObjectOptimisticLockingFailureException e) {
			throw new OpendataException("opendata.harvest.error.concurrent", 409);
		}
	}

	// ---- Runs ----

	/**
	 * Starts a run of one of the organisation's sources in the background and returns its job id. A source that
	 * is already being harvested is refused (409).
	 */
	public UUID start(UUID sourceId, String actor) {
		return runner.start(organisation(), sourceId, actor);
	}

	/** Runs a harvest of one of the organisation's sources now, in the calling thread, and returns its job. */
	public HarvestJob run(UUID sourceId, String actor) {
		OrganisationId organisation = organisation();
		UUID jobId = runner.run(organisation, sourceId, actor);
		return TenantContext.callAs(organisation, () -> inTransaction(() -> jobs.findById(jobId).orElseThrow()));
	}

	/** The last runs of one of the organisation's sources, latest first. */
	public List<HarvestJob> jobs(UUID sourceId, int limit) {
		OrganisationId organisation = organisation();
		return inTransaction(() -> {
			find(sourceId, organisation);
			return jobs.findBySourceIdOrderByStartedAtDesc(sourceId, PageRequest.of(0, Math.max(1, Math.min(limit, 500))));
		});
	}

	/** A run of one of the organisation's sources with its report. */
	public Optional<JobReport> job(UUID jobId) {
		String organisation = organisation().value();
		return inTransaction(() -> jobs.findById(jobId)
			.filter(j -> j.organisationId().equals(organisation))
			.flatMap(j -> sources.findById(j.sourceId())
				.map(s -> new JobReport(j, s, jdbc.query(
						"SELECT position, record_id, reason FROM opendata_harvest_failure WHERE job_id = ? "
								+ "ORDER BY position",
						(rs, i) -> new Failure(rs.getInt(1), rs.getString(2), rs.getString(3)), jobId)))));
	}

	/** Whether a run of one of the organisation's sources is going on (here or, as recorded, on another node). */
	public boolean running(UUID sourceId) {
		OrganisationId organisation = organisation();
		return inTransaction(() -> {
			find(sourceId, organisation);
			return runner.isRunning(sourceId) || runningJob(sourceId);
		});
	}

	private boolean runningJob(UUID sourceId) {
		Integer count = jdbc.queryForObject(
				"SELECT COUNT(*) FROM opendata_harvest_job WHERE source_id = ? AND status = 'RUNNING'", Integer.class,
				sourceId);
		return count != null && count > 0;
	}

	private HarvestSource find(UUID id, OrganisationId organisation) {
		return sources.findById(id)
			.filter(s -> s.organisationId().equals(organisation.value()))
			.orElseThrow(() -> new OpendataException("opendata.harvest.error.not-found", 404));
	}

	private static String describe(HarvestSource source) {
		return source.name() + " (" + source.kind() + " " + source.url() + ", " + source.schedule()
				+ (source.enabled() ? "" : ", disabled") + ")";
	}

	// ---- Validation ----

	private record Valid(String name, SourceKind kind, String url, Schedule schedule, int pageSize, int maxPages,
			long maxBytes, int timeoutSeconds) {
	}

	private Valid validate(SourceSettings settings) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = settings.name() == null ? "" : settings.name().strip();
		if (name.isEmpty()) {
			errors.put("name", "opendata.harvest.error.name-required");
		}
		else if (name.length() > 200) {
			errors.put("name", "opendata.harvest.error.name-too-long");
		}
		SourceKind kind = parse(SourceKind.class, settings.kind());
		if (kind == null) {
			errors.put("kind", "opendata.harvest.error.kind");
		}
		Schedule schedule = parse(Schedule.class, settings.schedule());
		if (schedule == null) {
			errors.put("schedule", "opendata.harvest.error.schedule");
		}
		String url = settings.url() == null ? "" : settings.url().strip();
		String urlError = checkUrl(url);
		if (urlError != null) {
			errors.put("url", urlError);
		}
		int pageSize = limit(settings.pageSize(), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, "pageSize",
				"opendata.harvest.error.page-size", errors);
		int maxPages = limit(settings.maxPages(), DEFAULT_MAX_PAGES, MAX_MAX_PAGES, "maxPages",
				"opendata.harvest.error.max-pages", errors);
		int maxMegabytes = limit(settings.maxMegabytes(), DEFAULT_MAX_MEGABYTES, MAX_MAX_MEGABYTES, "maxMegabytes",
				"opendata.harvest.error.max-bytes", errors);
		int timeout = limit(settings.timeoutSeconds(), DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS,
				"timeoutSeconds", "opendata.harvest.error.timeout", errors);
		if (!errors.isEmpty()) {
			throw new InvalidHarvestSource(errors);
		}
		return new Valid(name, kind, url, schedule, pageSize, maxPages, maxMegabytes * MEGABYTE, timeout);
	}

	private static int limit(@Nullable Integer value, int defaultValue, int max, String field, String key,
			Map<String, String> errors) {
		if (value == null) {
			return defaultValue;
		}
		if (value < 1 || value > max) {
			errors.put(field, key);
			return defaultValue;
		}
		return value;
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private @Nullable String checkUrl(String url) {
		if (url.isEmpty()) {
			return "opendata.harvest.error.url-required";
		}
		if (url.length() > 1000) {
			return "opendata.harvest.error.url";
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (java.net.URISyntaxException e) {
			return "opendata.harvest.error.url";
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isBlank()
				|| uri.getRawUserInfo() != null) {
			return "opendata.harvest.error.url";
		}
		if (!properties.harvestPrivateAddresses() && SourceClient.resolvesToPrivateAddress(uri.getHost())) {
			return "opendata.harvest.error.url-private";
		}
		return null;
	}
}
