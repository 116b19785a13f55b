package org.orchestra.assistant;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns French, Dutch or English text into search terms: accents and case removed, words split at anything that
 * is not a letter or digit, stop words of the language dropped and a light stemming applied, so that
 * "Horaires d'ouverture" and "horaire ouvertures" meet.
 */
final class TextAnalysis {

	/** The languages of the platform, in the order variants are tried. */
	static final List<String> LANGUAGES = List.of("fr", "nl", "en");

	private static final Set<String> FR_STOP = words("a au aux avec ce ces cet cette dans de des du elle en est et eux il ils je la le les leur lui ma "
			+ " mais me mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi "
			+ " ton tu un une vos votre vous c d j l m n s t y suis sont etre avoir ai as ont quel quelle quels "
			+ " quelles comment quand est-ce puis peux peut faire fait dois doit bonjour merci svp ca cela si plus "
			+ " tres aussi donc alors chez");

	private static final Set<String> NL_STOP = words("aan al als bij dat de den der des deze die dit doen door dus een en er ge geen had heb hebben heeft "
			+ " hem het hier hij hoe hun ik in is ja je kan kun kunnen maar me meer men met mij mijn moet na naar "
			+ " niet nog nu of om ons onze ook op over te tot u uit uw van veel voor waar wanneer wat welk welke we "
			+ " wie wil wij word wordt worden zal ze zich zij zijn zo zou hallo dag bedankt dank graag alstublieft "
			+ " aub 's");

	private static final Set<String> EN_STOP = words("a about an and are as at be been but by can could do does for from get have has how i if in into is "
			+ " it its me my of on or our please should so than that the their them there these they this to us was "
			+ " we what when where which who why will with would you your hello hi thanks thank need want s t d ll m "
			+ " re ve");

	private TextAnalysis() {
	}

	private static Set<String> words(String list) {
		return Set.copyOf(List.of(list.strip().split("\\s+")));
	}

	/** Lower case, without accents, with every character that is not a letter or a digit turned into a space. */
	static String normalise(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return decomposed.toLowerCase(Locale.ROOT).replace('œ', 'o').replace('æ', 'a').replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
	}

	/** The search terms of a text in the given language ({@code fr}, {@code nl} or {@code en}). */
	static List<String> terms(String text, String language) {
		List<String> terms = new ArrayList<>();
		String normalised = normalise(text);
		if (normalised.isEmpty()) {
			return terms;
		}
		Set<String> stop = stopWords(language);
		for (String word : normalised.split(" ")) {
			if (word.isEmpty() || stop.contains(word) || word.length() > 40) {
				continue;
			}
			String stem = stem(word, language);
			if (!stem.isEmpty()) {
				terms.add(stem);
			}
		}
		return terms;
	}

	/** Words of the text that are not stop words in any language, unstemmed: to tell a question from noise. */
	static List<String> meaningfulWords(String text) {
		List<String> words = new ArrayList<>();
		for (String word : normalise(text).split(" ")) {
			if (!word.isEmpty() && !FR_STOP.contains(word) && !NL_STOP.contains(word) && !EN_STOP.contains(word)) {
				words.add(word);
			}
		}
		return words;
	}

	static Set<String> stopWords(String language) {
		return switch (language) {
			case "nl" -> NL_STOP;
			case "en" -> EN_STOP;
			default -> FR_STOP;
		};
	}

	static String stem(String word, String language) {
		if (word.chars().allMatch(Character::isDigit)) {
			return word;
		}
		return switch (language) {
			case "nl" -> stemDutch(word);
			case "en" -> stemEnglish(word);
			default -> stemFrench(word);
		};
	}

	/** Plural and feminine endings, and the most frequent derivational suffixes. */
	static String stemFrench(String word) {
		String w = word;
		if (w.length() > 5 && w.endsWith("eaux")) {
			w = w.substring(0, w.length() - 1);
		}
		else if (w.length() > 4 && w.endsWith("aux")) {
			w = w.substring(0, w.length() - 3) + "al";
		}
		else if (w.length() > 3 && (w.endsWith("s") || w.endsWith("x")) && !w.endsWith("ss")) {
			w = w.substring(0, w.length() - 1);
		}
		for (String suffix : List.of("ements", "ement", "ations", "ation", "itions", "ition", "euse", "eur", "ite",
				"ive", "if")) {
			if (w.length() - suffix.length() >= 4 && w.endsWith(suffix)) {
				w = w.substring(0, w.length() - suffix.length());
				break;
			}
		}
		if (w.length() > 4 && (w.endsWith("er") || w.endsWith("ez"))) {
			w = w.substring(0, w.length() - 2);
		}
		if (w.length() > 3 && (w.endsWith("e") || w.endsWith("é"))) {
			w = w.substring(0, w.length() - 1);
		}
		return undouble(w);
	}

	/** Plural endings, the -e of adjectives and doubled vowels ("aanvraag", "aanvragen"). */
	static String stemDutch(String word) {
		String w = word;
		if (w.length() > 5 && w.endsWith("heden")) {
			w = w.substring(0, w.length() - 5) + "heid";
		}
		else if (w.length() > 4 && (w.endsWith("en") || w.endsWith("es"))) {
			w = w.substring(0, w.length() - 2);
		}
		else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
			w = w.substring(0, w.length() - 1);
		}
		else if (w.length() > 3 && w.endsWith("e")) {
			w = w.substring(0, w.length() - 1);
		}
		for (String suffix : List.of("ing", "lijk", "tje", "je")) {
			if (w.length() - suffix.length() >= 4 && w.endsWith(suffix)) {
				w = w.substring(0, w.length() - suffix.length());
				break;
			}
		}
		return undouble(w);
	}

	/** Plurals and the -ing and -ed forms. */
	static String stemEnglish(String word) {
		String w = word;
		if (w.length() > 4 && w.endsWith("ies")) {
			w = w.substring(0, w.length() - 3) + "y";
		}
		else if (w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes"))) {
			w = w.substring(0, w.length() - 2);
		}
		else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
			w = w.substring(0, w.length() - 1);
		}
		if (w.length() > 5 && w.endsWith("ing")) {
			w = w.substring(0, w.length() - 3);
		}
		else if (w.length() > 4 && w.endsWith("ed")) {
			w = w.substring(0, w.length() - 2);
		}
		if (w.length() > 3 && w.endsWith("e")) {
			w = w.substring(0, w.length() - 1);
		}
		return undouble(w);
	}

	/** Collapses doubled letters, so that spelling variants of a stem meet. */
	private static String undouble(String word) {
		StringBuilder out = new StringBuilder(word.length());
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (i == 0 || c != word.charAt(i - 1)) {
				out.append(c);
			}
		}
		return out.toString();
	}
}
