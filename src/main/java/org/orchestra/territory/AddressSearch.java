package org.orchestra.territory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;

/**
 * Address search over the street names of every commune, in French and Dutch: "street number, postcode
 * commune" in any order of the last two, insensitive to case and accents, tolerant of small typos, ranked.
 */
final class AddressSearch {

	private static final Pattern POSTCODE = Pattern.compile("1[0-2]\\d\\d");
	private static final Pattern HOUSE_NUMBER = Pattern.compile("\\d{1,4}[a-z]?");

	record Query(String street, @Nullable String houseNumber, @Nullable String postcode, @Nullable String nisCode) {
	}

	private AddressSearch() {
	}

	static Query parse(String input, TerritoryIndex index) {
		String[] parts = input.split(",", 2);
		List<String> words = new ArrayList<>(List.of(Text.normalise(parts[0]).split(" ")));
		List<String> rest = parts.length > 1 ? new ArrayList<>(List.of(Text.normalise(parts[1]).split(" ")))
				: new ArrayList<>();
		String postcode = null;
		String number = null;
		for (List<String> list : List.of(rest, words)) {
			for (String word : List.copyOf(list)) {
				if (postcode == null && POSTCODE.matcher(word).matches() && (list == rest || words.indexOf(word) > 0)) {
					postcode = word;
					list.remove(word);
				}
			}
		}
		for (String word : List.copyOf(words)) {
			if (number == null && HOUSE_NUMBER.matcher(word).matches() && words.indexOf(word) > 0) {
				number = word;
				words.remove(word);
			}
		}
		String nis = communeIn(String.join(" ", rest), index);
		String street = String.join(" ", words).trim();
		if (nis == null && parts.length == 1) {
			// a commune name at the end of the street part: "wetstraat 16 brussel"
			for (TerritoryIndex.CommuneShape commune : index.communes()) {
				for (String name : List.of(Text.normalise(commune.nameFr()), Text.normalise(commune.nameNl()))) {
					if (street.endsWith(" " + name) && street.length() > name.length() + 3) {
						nis = commune.nisCode();
						street = street.substring(0, street.length() - name.length()).trim();
					}
				}
			}
		}
		return new Query(street, number, postcode, nis);
	}

	private static @Nullable String communeIn(String text, TerritoryIndex index) {
		if (text.isBlank()) {
			return null;
		}
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (TerritoryIndex.CommuneShape commune : index.communes()) {
			for (String name : List.of(Text.normalise(commune.nameFr()), Text.normalise(commune.nameNl()))) {
				int distance = Text.distance(text.trim(), name, Text.tolerance(name.length()));
				if (distance <= Text.tolerance(name.length()) && distance < bestDistance) {
					best = commune.nisCode();
					bestDistance = distance;
				}
			}
		}
		return best;
	}

	/** Ranked matches; each street of each commune at most once. */
	static List<Address> search(String input, int limit, TerritoryIndex index) {
		Query query = parse(input, index);
		if (query.street().length() < 2) {
			return List.of();
		}
		record Scored(TerritoryIndex.StreetEntry street, double score) {
		}
		List<Scored> scored = new ArrayList<>();
		for (TerritoryIndex.StreetEntry street : index.streets()) {
			if (query.nisCode() != null && !query.nisCode().equals(street.nisCode())) {
				continue;
			}
			if (query.postcode() != null && !street.postcodes().contains(query.postcode())) {
				continue;
			}
			double score = Math.max(score(query.street(), street.normalisedFr()),
					score(query.street(), street.normalisedNl()));
			if (score >= 0.6) {
				// a commune whose main postcode is the one asked ranks first (1050 is Ixelles before Bruxelles)
				if (query.postcode() != null && street.postcodes().get(0).equals(query.postcode())) {
					score += 0.01;
				}
				scored.add(new Scored(street, score));
			}
		}
		return scored.stream()
			.sorted(Comparator.comparingDouble(Scored::score).reversed()
				.thenComparing(s -> s.street().normalisedFr().length()))
			.limit(limit)
			.map(s -> address(s.street(), query, s.score(), index))
			.toList();
	}

	/** 1 for an exact name, then prefix and containment, then word-by-word matches allowing typos. */
	static double score(String query, String name) {
		if (name.isEmpty()) {
			return 0;
		}
		if (name.equals(query)) {
			return 1;
		}
		if (name.startsWith(query + " ") || name.endsWith(" " + query)) {
			return 0.92;
		}
		if (name.contains(query)) {
			return 0.85;
		}
		// words written together or apart: "Elsensesteenweg" for "Elsense Steenweg"
		String compactQuery = query.replace(" ", "");
		String compactName = name.replace(" ", "");
		if (compactName.equals(compactQuery)) {
			return 0.95;
		}
		int compactTolerance = Text.tolerance(compactName.length());
		if (compactQuery.length() >= 6
				&& Text.distance(compactQuery, compactName, compactTolerance) <= compactTolerance) {
			return 0.82;
		}
		String[] queryWords = query.split(" ");
		String[] nameWords = name.split(" ");
		double matched = 0;
		for (String word : queryWords) {
			double best = 0;
			for (String candidate : nameWords) {
				if (candidate.equals(word)) {
					best = 1;
					break;
				}
				if (word.length() >= 3 && candidate.startsWith(word)) {
					best = Math.max(best, 0.9);
				}
				int tolerance = Text.tolerance(Math.max(word.length(), candidate.length()));
				if (tolerance > 0 && Text.distance(word, candidate, tolerance) <= tolerance) {
					best = Math.max(best, 0.8);
				}
			}
			matched += best;
		}
		double coverage = matched / queryWords.length;
		double extra = Math.max(0, nameWords.length - queryWords.length) * 0.03;
		return coverage * 0.84 - extra;
	}

	private static Address address(TerritoryIndex.StreetEntry street, Query query, double score, TerritoryIndex index) {
		TerritoryIndex.CommuneShape commune = index.commune(street.nisCode()).orElseThrow();
		String postcode = query.postcode() != null ? query.postcode() : street.postcodes().get(0);
		if (query.houseNumber() != null) {
			for (String name : List.of(street.normalisedFr(), street.normalisedNl())) {
				TerritoryIndex.AddressEntry point = index
					.address(TerritoryIndex.addressKey(street.nisCode(), name, query.houseNumber()));
				if (point != null) {
					return new Address(street.nameFr(), street.nameNl(), query.houseNumber(), postcode,
							street.nisCode(), commune.nameFr(), commune.nameNl(), point.lon(), point.lat(), false, score);
				}
			}
		}
		Point interior = commune.interior();
		return new Address(street.nameFr(), street.nameNl(), query.houseNumber(), postcode, street.nisCode(),
				commune.nameFr(), commune.nameNl(), interior.getX(), interior.getY(), true, score);
	}
}
