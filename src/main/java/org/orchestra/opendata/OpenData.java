package org.orchestra.opendata;

import java.util.List;
import java.util.Optional;

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

	private <T> T system(java.util.function.Supplier<T> work) {
		return TenantContext.callAsSystem(() -> readOnly.execute(status -> work.get()));
	}
}
