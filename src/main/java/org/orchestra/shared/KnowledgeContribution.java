package org.orchestra.shared;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Content a module offers to the counter assistant: documents, forms, opening hours, services. The assistant
 * answers only from these entries and always shows the entry it answered from; what it cannot answer goes to an
 * agent.
 */
public interface KnowledgeContribution {

	/** The entries as they are now (called on every question, or cached briefly by the assistant). */
	List<KnowledgeEntry> knowledge();

	/**
	 * One answerable piece of content.
	 *
	 * @param id stable identifier, unique across modules (prefixed by the module, e.g. {@code counter.document.household})
	 * @param title the title shown as the source of an answer
	 * @param text the answer itself, in plain text
	 * @param link the page where the citizen acts on it (relative to the platform)
	 * @param organisationCode the organisation the entry is specific to (a commune's opening hours), or {@code null}
	 *        for the whole region
	 * @param keywords extra search words in any language (synonyms, abbreviations)
	 */
	record KnowledgeEntry(String id, LocalizedText title, LocalizedText text, String link,
			@Nullable String organisationCode, List<String> keywords) {
	}
}
