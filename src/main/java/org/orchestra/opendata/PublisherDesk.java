package org.orchestra.opendata;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.orchestra.identity.CurrentUser;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publishers' desk: the datasets of the organisation the signed-in publisher acts for (published and
 * withdrawn, authored here or harvested), and creating, editing and withdrawing the ones authored here. Another
 * organisation's datasets are not found. Every change is audited.
 */
@Service
public class PublisherDesk {

	public static final int PAGE_SIZE = 50;

	private final Datasets datasets;
	private final Publishers publishers;
	private final DatasetStore store;
	private final ApplicationEventPublisher events;
	private final CurrentUser currentUser;
	private final TransactionTemplate transactions;
	private final TransactionTemplate readOnly;
	private final Clock clock = Clock.systemUTC();

	PublisherDesk(Datasets datasets, Publishers publishers, DatasetStore store, ApplicationEventPublisher events,
			CurrentUser currentUser, PlatformTransactionManager transactionManager) {
		this.datasets = datasets;
		this.publishers = publishers;
		this.store = store;
		this.events = events;
		this.currentUser = currentUser;
		this.transactions = new TransactionTemplate(transactionManager);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	/** A page of the organisation's datasets, the most recently changed first. */
	public record Page(List<Dataset> datasets, long total, int page, int pages) {
	}

	private OrganisationId organisation() {
		return TenantContext.current().orElseThrow(() -> new OpendataException("opendata.error.no-organisation", 403));
	}

	/** The organisation the publisher acts for. */
	public String organisationId() {
		return organisation().value();
	}

	/** The publisher standing for the organisation, if it has published anything yet. */
	public Optional<Publisher> publisher() {
		String organisation = organisation().value();
		return publishers.findByOrganisationId(organisation);
	}

	public Page datasets(int page) {
		OrganisationId organisation = organisation();
		if (page < 0) {
			throw new OpendataException("opendata.error.page", 400);
		}
		return readOnly.execute(status -> {
			long total = datasets.count();
			List<Dataset> found = datasets.findByOrderByUpdatedAtDesc(PageRequest.of(page, PAGE_SIZE))
				.stream()
				.filter(d -> d.organisationId().equals(organisation.value()))
				.toList();
			return new Page(found, total, page, (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
		});
	}

	/** One of the organisation's datasets. */
	public Optional<Dataset> dataset(String slug) {
		OrganisationId organisation = organisation();
		return readOnly.execute(status -> find(organisation, slug));
	}

	private Optional<Dataset> find(OrganisationId organisation, String slug) {
		return datasets.findBySlug(slug).filter(d -> d.organisationId().equals(organisation.value()));
	}

	/** What to fix to raise a dataset's quality score (message keys). */
	public List<String> fixes(Dataset dataset) {
		DatasetRecord.PublisherRecord publisher = dataset.publisherId() == null ? null
				: publishers.findById(dataset.publisherId()).map(Publisher::toRecord).orElse(null);
		return QualityScore.assess(dataset.toRecord(publisher)).fixes();
	}

	/** Publishes a new dataset of the organisation. */
	public Dataset create(DatasetDraft draft) {
		OrganisationId organisation = organisation();
		refuseInvalid(draft);
		Instant now = clock.instant();
		return transactions.execute(status -> {
			Dataset dataset = store.createLocal(organisation,
					record(draft, "new-" + now.toEpochMilli() + "-" + Math.abs(draft.hashCode()), now, now), false);
			events.publishEvent(new DatasetChanged(dataset.id(), dataset.slug(), organisation.value(), "created",
					currentUser.actorName()));
			return dataset;
		});
	}

	/** Replaces the metadata of one of the organisation's datasets authored here. */
	public Dataset update(String slug, DatasetDraft draft) {
		OrganisationId organisation = organisation();
		refuseInvalid(draft);
		return transactions.execute(status -> {
			Dataset dataset = find(organisation, slug)
				.orElseThrow(() -> new OpendataException("opendata.error.not-found", 404));
			Instant now = clock.instant();
			Dataset updated = store.updateLocal(dataset, record(draft, dataset.slug(),
					dataset.issued() == null ? dataset.createdAt() : dataset.issued(), now, dataset));
			events.publishEvent(new DatasetChanged(dataset.id(), dataset.slug(), organisation.value(), "updated",
					currentUser.actorName()));
			return updated;
		});
	}

	/** Takes one of the organisation's datasets authored here out of the catalogue. */
	public void withdraw(String slug) {
		OrganisationId organisation = organisation();
		transactions.executeWithoutResult(status -> {
			Dataset dataset = find(organisation, slug)
				.orElseThrow(() -> new OpendataException("opendata.error.not-found", 404));
			if (dataset.status() == DatasetStatus.WITHDRAWN) {
				return;
			}
			store.withdrawLocal(dataset);
			events.publishEvent(new DatasetChanged(dataset.id(), dataset.slug(), organisation.value(), "withdrawn",
					currentUser.actorName()));
		});
	}

	private static void refuseInvalid(DatasetDraft draft) {
		if (!draft.problems().isEmpty()) {
			throw new OpendataException("opendata.desk.error.invalid", 400);
		}
	}

	private static DatasetRecord record(DatasetDraft draft, String recordId, Instant issued, Instant modified) {
		return record(draft, recordId, issued, modified, null);
	}

	private static DatasetRecord record(DatasetDraft draft, String recordId, Instant issued, Instant modified,
			@Nullable Dataset existing) {
		Map<String, String> title = texts(draft.title());
		Map<String, String> description = texts(draft.description());
		List<String> languages = new ArrayList<>();
		for (String language : DatasetDraft.LANGUAGES) {
			if (title.containsKey(language)) {
				languages.add(language);
			}
		}
		String licence = draft.licence() == null ? null : Vocabularies.LICENCE_BASE + draft.licence();
		List<DatasetRecord.DistributionRecord> distributions = new ArrayList<>();
		for (DatasetDraft.DistributionDraft d : draft.distributions()) {
			Map<String, String> name = d.title().isBlank() ? Map.of() : Map.of("fr", d.title().strip());
			distributions.add(new DatasetRecord.DistributionRecord(null, name, Map.of(), d.url(), d.url(), d.format(),
					d.mediaType(), licence, null, modified));
		}
		return new DatasetRecord(recordId, DatasetRecord.Kind.DATASET, existing == null ? null : existing.uri(),
				existing == null ? null : existing.identifier(), title, description,
				draft.keywords().stream().map(String::strip).distinct().toList(), draft.themes(), languages, licence,
				draft.accessRights() == null ? null : Vocabularies.ACCESS_RIGHT_BASE + draft.accessRights(),
				draft.frequency() == null ? null : Vocabularies.FREQUENCY_BASE + draft.frequency(),
				draft.temporalStart(), draft.temporalEnd(), existing == null ? null : existing.spatialUri(),
				existing == null ? null : existing.bbox(), draft.contactName(), draft.contactEmail(),
				draft.landingPage(), issued, modified, null, distributions,
				existing == null ? null : existing.endpointUrl(),
				existing == null ? null : existing.endpointDescription());
	}

	private static Map<String, String> texts(Map<String, String> given) {
		Map<String, String> kept = new LinkedHashMap<>();
		given.forEach((language, text) -> {
			if (DatasetDraft.LANGUAGES.contains(language) && text != null && !text.isBlank()) {
				kept.put(language, text.strip());
			}
		});
		return kept;
	}

	/** The form's content for a dataset: its metadata with vocabulary IRIs turned back into codes. */
	public static DatasetDraft draftOf(Dataset dataset) {
		List<DatasetDraft.DistributionDraft> distributions = dataset.distributions()
			.stream()
			.map(d -> new DatasetDraft.DistributionDraft(d.dataUrl(), Texts.pick(d.title(), "fr"), d.format(),
					d.mediaType()))
			.toList();
		return new DatasetDraft(dataset.title(), dataset.description(), dataset.keywords(), dataset.themes(),
				code(dataset.licence(), Vocabularies.LICENCE_BASE), code(dataset.accessRights(),
						Vocabularies.ACCESS_RIGHT_BASE),
				code(dataset.accrualPeriodicity(), Vocabularies.FREQUENCY_BASE), dataset.temporalStart(),
				dataset.temporalEnd(), dataset.contactName(), dataset.contactEmail(), dataset.landingPage(),
				distributions);
	}

	private static @Nullable String code(@Nullable String iri, String base) {
		return iri == null ? null : iri.startsWith(base) ? iri.substring(base.length()) : iri;
	}
}
