package org.orchestra.territory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.orchestra.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports of reference geography as jobs: the file is read and checked whole; if anything is rejected the
 * job fails with a report and the current data stays untouched, otherwise the data of that kind is replaced in
 * one transaction and the lookup index is rebuilt.
 */
@Service
public class TerritoryImports {

	private static final Logger LOG = LoggerFactory.getLogger(TerritoryImports.class);

	private final ImportJobs jobs;
	private final CommuneAreas communes;
	private final RegionOutlines regions;
	private final StreetNames streets;
	private final RoadSegments roads;
	private final AddressPoints addresses;
	private final Territory territory;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final CurrentUser currentUser;
	private final TerritoryProperties properties;
	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	TerritoryImports(ImportJobs jobs, CommuneAreas communes, RegionOutlines regions, StreetNames streets,
			RoadSegments roads, AddressPoints addresses, Territory territory, TransactionTemplate transactions,
			ApplicationEventPublisher events, CurrentUser currentUser, TerritoryProperties properties) {
		this.jobs = jobs;
		this.communes = communes;
		this.regions = regions;
		this.streets = streets;
		this.roads = roads;
		this.addresses = addresses;
		this.territory = territory;
		this.transactions = transactions;
		this.events = events;
		this.currentUser = currentUser;
		this.properties = properties;
	}

	@PreDestroy
	void stop() {
		executor.shutdown();
	}

	/** Starts an import in the background; follow it with {@link #job(UUID)}. */
	public UUID start(ImportKind kind, String filename, byte[] content) {
		ImportJob job = createJob(kind, filename);
		executor.submit(() -> {
			try {
				run(job.id(), kind, content);
			}
			catch (RuntimeException ex) {
				LOG.error("Territory import {} failed", job.id(), ex);
				finish(job.id(), ImportReport.fatal(kind, "the import stopped: " + ex.getMessage()));
			}
		});
		return job.id();
	}

	/** Runs an import now, in the calling thread (command line, tests). */
	public ImportJob importNow(ImportKind kind, String filename, byte[] content) {
		ImportJob job = createJob(kind, filename);
		run(job.id(), kind, content);
		return jobs.findById(job.id()).orElseThrow();
	}

	public List<ImportJob> jobs() {
		return jobs.findTop50ByOrderByStartedAtDesc();
	}

	public Optional<ImportJob> job(UUID id) {
		return jobs.findById(id);
	}

	public long maxSize() {
		return properties.maxImportSize();
	}

	private ImportJob createJob(ImportKind kind, String filename) {
		String actor = currentUser.principal().map(p -> p.getUsername()).orElse(CurrentUser.SYSTEM);
		return transactions.execute(status -> jobs.save(new ImportJob(kind, filename, actor)));
	}

	private void run(UUID jobId, ImportKind kind, byte[] content) {
		ImportReport report;
		if (content.length > properties.maxImportSize()) {
			report = ImportReport.fatal(kind, "the file is larger than " + properties.maxImportSize() + " bytes");
		}
		else {
			report = switch (kind) {
				case COMMUNES -> apply(TerritoryFiles.communes(content), records -> {
					communes.deleteEverything();
					communes.flush();
					records.forEach(r -> communes.save(new CommuneArea(r.nisCode(), r.nameFr(), r.nameNl(),
							r.postcodes(), Geometries.toWkb(r.geometry()), "import")));
				});
				case REGION -> apply(TerritoryFiles.region(content), records -> {
					regions.deleteEverything();
					regions.flush();
					records.forEach(g -> regions.save(new RegionOutline(Geometries.toWkb(g), "import")));
				});
				case STREETS -> apply(TerritoryFiles.streets(content), records -> {
					streets.deleteEverything();
					streets.saveAll(records.stream()
						.map(r -> new StreetName(r.nisCode(), r.nameFr(), r.nameNl(), r.postcodes()))
						.toList());
				});
				case ROADS -> apply(TerritoryFiles.roads(content), records -> {
					roads.deleteEverything();
					roads.saveAll(records.stream()
						.map(r -> new RoadSegment(r.manager(), r.nameFr(), r.nameNl(), Geometries.toWkb(r.geometry())))
						.toList());
				});
				case ADDRESSES -> apply(TerritoryFiles.addresses(content), records -> {
					addresses.deleteEverything();
					addresses.saveAll(records.stream()
						.map(r -> new AddressPoint(r.nisCode(), r.postcode(), r.streetFr(), r.streetNl(),
								r.houseNumber(), r.lon(), r.lat()))
						.toList());
				});
			};
		}
		finish(jobId, report);
		if (report.succeeded()) {
			territory.refresh();
		}
	}

	private <T> ImportReport apply(TerritoryFiles.Parsed<T> parsed, java.util.function.Consumer<List<T>> replace) {
		if (parsed.report().succeeded()) {
			transactions.executeWithoutResult(status -> replace.accept(parsed.records()));
		}
		return parsed.report();
	}

	private void finish(UUID jobId, ImportReport report) {
		transactions.executeWithoutResult(status -> jobs.findById(jobId).ifPresent(job -> {
			job.finish(report);
			events.publishEvent(new TerritoryImported(job.id(), job.kind(), report.succeeded(), job.importedCount(),
					job.rejectedCount(), job.startedBy()));
		}));
	}
}
