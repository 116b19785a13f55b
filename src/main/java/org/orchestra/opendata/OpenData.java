package org.orchestra.opendata;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.orchestra.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The open-data portal's public face: search, datasets and publishers as everyone may read them. Published and
 * withdrawn datasets of every organisation are readable; nothing here writes.
 */
@Service
public class OpenData {

	private final CatalogueSearch search;
	private final Datasets datasets;
	private final Publishers publishers;
	private final TransactionTemplate readOnly;

	OpenData(CatalogueSearch search, Datasets datasets, Publishers publishers, TransactionTemplate transactions) {
		this.search = search;
		this.datasets = datasets;
		this.publishers = publishers;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
	}

	/** A page of search results with facet counts. */
	public SearchResult search(SearchQuery query) {
		return system(() -> search.search(query, true));
	}

	/** A page of search results without facets (for harvesters and APIs that page through everything). */
	public SearchResult page(SearchQuery query) {
		return system(() -> search.search(query, false));
	}

	/** A dataset by its slug, published or withdrawn. */
	public Optional<Dataset> dataset(String slug) {
		return system(() -> datasets.findBySlug(slug));
	}

	public Optional<Publisher> publisher(String id) {
		return system(() -> publishers.findById(id));
	}

	public List<Publisher> publishers() {
		return system(() -> publishers.findAll());
	}

	/**
	 * A slice of search results from any offset, with further criteria (excluded facet values, a window on when
	 * datasets changed): for APIs that page by offset, such as the CKAN-compatible one and the DCAT-AP catalogue.
	 * The query's size is the slice's length; its page is not used.
	 */
	public SearchResult search(SearchQuery query, SearchCriteria criteria, long offset, boolean withFacets) {
		return system(() -> search.search(query, criteria, offset, withFacets));
	}

	/**
	 * A batch of published datasets with their distributions, in identifier order, after the given identifier
	 * (from the start when null): for reading the whole catalogue without holding it in memory. Each batch is read
	 * in a transaction of its own.
	 */
	public List<Dataset> publishedAfter(@Nullable UUID after, int limit) {
		return system(() -> search.load(search.publishedIdsAfter(after, limit)));
	}

	/** The names (slugs) of published datasets, alphabetically, from an offset. */
	public List<String> publishedNames(int limit, long offset) {
		return system(() -> search.publishedNames(limit, offset));
	}

	/** A dataset by its identifier, published or withdrawn. */
	public Optional<Dataset> dataset(UUID id) {
		return system(() -> search.load(List.of(id)).stream().findFirst());
	}

	/**
	 * Of the given IRIs, those claimed as their own by more than one published dataset (or, for {@code
	 * distributions}, by more than one distribution), which therefore cannot name any of them.
	 */
	public Set<String> sharedUris(Collection<String> uris, boolean distributions) {
		if (uris.isEmpty()) {
			return Set.of();
		}
		return system(() -> distributions ? search.sharedDistributionUris(uris) : search.sharedDatasetUris(uris));
	}

	/** When a dataset of the catalogue last changed, if any ever did. */
	public Optional<Instant> lastChange() {
		return system(search::lastChange);
	}

	/** How many published datasets each publisher has (by publisher id). */
	public Map<String, Long> publishedByPublisher() {
		return system(search::publisherCounts);
	}

	/** Keywords of published datasets (folded as they are searched) containing a text, alphabetically. */
	public List<String> keywords(String containing, int limit) {
		return system(() -> search.keywords(containing, limit));
	}

	private <T> T system(java.util.function.Supplier<T> work) {
		return TenantContext.callAsSystem(() -> readOnly.execute(status -> work.get()));
	}
}
