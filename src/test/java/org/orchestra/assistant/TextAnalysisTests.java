package org.orchestra.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Terms meet across accents, case, plurals and verb forms; stop words are dropped per language. */
class TextAnalysisTests {

	@Test
	void frenchTermsIgnoreAccentsPluralsAndStopWords() {
		assertThat(TextAnalysis.terms("Horaires d'OUVERTURE de la Maison communale", "fr"))
			.containsExactlyElementsOf(TextAnalysis.terms("horaire ouvertures maison communales", "fr"));
		assertThat(TextAnalysis.terms("renouveler", "fr")).isEqualTo(TextAnalysis.terms("renouvellement", "fr"));
		assertThat(TextAnalysis.terms("carte d'identité", "fr")).isEqualTo(TextAnalysis.terms("cartes identite", "fr"));
		assertThat(TextAnalysis.terms("le la les de du", "fr")).isEmpty();
	}

	@Test
	void dutchTermsMeetAcrossPluralsAndDoubledVowels() {
		assertThat(TextAnalysis.terms("aanvraag", "nl")).isEqualTo(TextAnalysis.terms("aanvragen", "nl"));
		assertThat(TextAnalysis.terms("Hoe vernieuw ik mijn identiteitskaart?", "nl"))
			.containsExactlyElementsOf(TextAnalysis.terms("identiteitskaart vernieuwen", "nl").reversed());
		assertThat(TextAnalysis.terms("de het een van", "nl")).isEmpty();
	}

	@Test
	void englishTermsMeetAcrossPluralsAndVerbForms() {
		assertThat(TextAnalysis.terms("opening hours", "en")).isEqualTo(TextAnalysis.terms("open hour", "en"));
		assertThat(TextAnalysis.terms("cities", "en")).isEqualTo(TextAnalysis.terms("city", "en"));
		assertThat(TextAnalysis.terms("the of and", "en")).isEmpty();
	}

	@Test
	void communeNamesAreShortenedInEveryLanguage() {
		assertThat(KnowledgeIndex.communeNames(org.orchestra.shared.LocalizedText.of("Commune d'Ixelles",
				"Gemeente Elsene", "Municipality of Ixelles"))).containsExactly("ixelles", "elsene");
	}
}
