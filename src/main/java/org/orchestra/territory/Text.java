package org.orchestra.territory;

import java.text.Normalizer;
import java.util.Locale;

/** Text normalisation and similarity for address search. */
final class Text {

	private Text() {
	}

	/** Lower case, without accents, punctuation as spaces, spaces collapsed. */
	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{Alnum}]+", " ")
			.trim();
	}

	/** Optimal string alignment distance (Levenshtein with transpositions), bounded for speed. */
	static int distance(String a, String b, int max) {
		int n = a.length();
		int m = b.length();
		if (Math.abs(n - m) > max) {
			return max + 1;
		}
		int[] previous2 = new int[m + 1];
		int[] previous = new int[m + 1];
		int[] current = new int[m + 1];
		for (int j = 0; j <= m; j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= n; i++) {
			current[0] = i;
			int best = current[0];
			for (int j = 1; j <= m; j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				int value = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					value = Math.min(value, previous2[j - 2] + 1);
				}
				current[j] = value;
				best = Math.min(best, value);
			}
			if (best > max) {
				return max + 1;
			}
			int[] swap = previous2;
			previous2 = previous;
			previous = current;
			current = swap;
		}
		return previous[m];
	}

	/** Typos tolerated in a word of this length. */
	static int tolerance(int length) {
		return length <= 2 ? 0 : length <= 7 ? 1 : 2;
	}
}
