package org.orchestra.assistant;

import java.io.Serializable;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the assistant answers to a question: the answer taken from the best entry of the platform's content and the
 * entries it comes from, or no answer with an offer to hand the question over to an agent.
 *
 * @param question the question as asked
 * @param language the language of the answer ({@code fr}, {@code nl} or {@code en})
 * @param answered whether an entry answers the question with enough confidence
 * @param text the answer: the text of the best entry, in the asker's language; empty without an answer
 * @param sources the entries the answer comes from (title, excerpt, link), best first
 * @param reason why there is no answer: {@code no-match}, {@code asked-for-person}, {@code empty-question}
 * @param commune the commune the answer is for (chosen, or named in the question), if any
 * @param communeName its name in the asker's language
 * @param communeNeeded whether the sources are specific to communes and no commune was chosen
 * @param handOffOffered whether the asker is offered a conversation with an agent
 */
public record Answer(String question, String language, boolean answered, String text, List<Source> sources,
		@Nullable String reason, @Nullable String commune, @Nullable String communeName, boolean communeNeeded,
		boolean handOffOffered) implements Serializable {

	/**
	 * One entry the answer comes from.
	 *
	 * @param id the entry's identifier
	 * @param title its title in the asker's language
	 * @param excerpt the passage that matches the question
	 * @param link where the citizen acts on it
	 * @param organisation the organisation it is specific to, or {@code null} for the whole region
	 * @param organisationName that organisation's name in the asker's language
	 * @param score relevance (BM25, with the commune preference applied)
	 */
	public record Source(String id, String title, String excerpt, String link, @Nullable String organisation,
			@Nullable String organisationName, double score) implements Serializable {
	}
}
