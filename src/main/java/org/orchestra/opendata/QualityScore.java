package org.orchestra.opendata;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A dataset's metadata quality in the spirit of the European portal's assessment: findability (100),
 * accessibility (100), interoperability (110), reusability (75) and contextuality (20), 405 in all. Criteria on
 * distributions earn their points in proportion to the distributions that meet them. Links are not fetched: a
 * URL counts when it is given.
 */
public record QualityScore(int findability, int accessibility, int interoperability, int reusability,
		int contextuality) {

	public static final int MAX = 405;

	public int total() {
		return findability + accessibility + interoperability + reusability + contextuality;
	}

	/** {@code excellent}, {@code good}, {@code sufficient} or {@code bad}, by the European portal's bands. */
	public String rating() {
		int total = total();
		return total > 350 ? "excellent" : total > 220 ? "good" : total > 120 ? "sufficient" : "bad";
	}

	/** The score of a record and what to fix, as message keys {@code opendata.quality.fix.*}. */
	public static Assessment assess(DatasetRecord record) {
		List<String> fixes = new ArrayList<>();
		int findability = points(!record.keywords().isEmpty(), 30, "keyword", fixes)
				+ points(!record.themes().isEmpty(), 30, "theme", fixes)
				+ points(record.spatialUri() != null || record.bbox() != null, 20, "spatial", fixes)
				+ points(record.temporalStart() != null || record.temporalEnd() != null, 20, "temporal", fixes);
		List<DatasetRecord.DistributionRecord> distributions = record.distributions();
		boolean service = record.kind() == DatasetRecord.Kind.SERVICE;
		int accessibility;
		int interoperability;
		if (service) {
			accessibility = points(record.endpointUrl() != null, 50, "endpoint", fixes)
					+ points(record.endpointDescription() != null, 50, "endpoint-description", fixes);
			interoperability = 30 + points(!distributions.isEmpty() || record.endpointDescription() != null, 80,
					"endpoint-description", fixes);
		}
		else {
			if (distributions.isEmpty()) {
				fixes.add("distribution");
			}
			accessibility = share(distributions, d -> !d.accessUrl().isBlank(), 50, "access-url", fixes)
					+ share(distributions, d -> d.downloadUrl() != null, 50, "download-url", fixes);
			interoperability = share(distributions, d -> d.format() != null, 20, "format", fixes)
					+ share(distributions, d -> d.mediaType() != null, 10, "media-type", fixes)
					+ share(distributions, d -> d.format() != null && Vocabularies.format(d.format()).isPresent(), 10,
							"format-vocabulary", fixes)
					+ share(distributions,
							d -> d.format() != null && Vocabularies.NON_PROPRIETARY.contains(d.format()), 20,
							"non-proprietary", fixes)
					+ share(distributions,
							d -> d.format() != null && Vocabularies.MACHINE_READABLE.contains(d.format()), 20,
							"machine-readable", fixes)
					+ 30;
		}
		boolean licence = record.licence() != null
				|| !distributions.isEmpty() && distributions.stream().allMatch(d -> d.licence() != null);
		boolean licenceVocabulary = record.licence() != null && record.licence().startsWith(Vocabularies.LICENCE_BASE);
		int reusability = points(licence, 20, "licence", fixes)
				+ points(licenceVocabulary, 10, "licence-vocabulary", fixes)
				+ points(record.accessRights() != null, 10, "access-rights", fixes)
				+ points(record.accessRights() != null && record.accessRights().startsWith(Vocabularies.ACCESS_RIGHT_BASE),
						5, "access-rights-vocabulary", fixes)
				+ points(record.contactEmail() != null || record.contactName() != null, 20, "contact-point", fixes)
				+ points(record.publisher() != null, 10, "publisher", fixes);
		int contextuality = share(distributions, d -> d.licence() != null, 5, "distribution-licence", fixes)
				+ share(distributions, d -> d.byteSize() != null, 5, "byte-size", fixes)
				+ points(record.issued() != null, 5, "issued", fixes)
				+ points(record.modified() != null, 5, "modified", fixes);
		return new Assessment(
				new QualityScore(findability, accessibility, interoperability, reusability, contextuality),
				fixes.stream().distinct().map(f -> "opendata.quality.fix." + f).toList());
	}

	private static int points(boolean met, int points, String fix, List<String> fixes) {
		if (!met) {
			fixes.add(fix);
		}
		return met ? points : 0;
	}

	private static int share(List<DatasetRecord.DistributionRecord> distributions,
			Predicate<DatasetRecord.DistributionRecord> criterion, int points, String fix, List<String> fixes) {
		if (distributions.isEmpty()) {
			return 0;
		}
		long met = distributions.stream().filter(criterion).count();
		if (met < distributions.size()) {
			fixes.add(fix);
		}
		return (int) Math.round(points * (double) met / distributions.size());
	}

	/** A score and the message keys of what would raise it. */
	public record Assessment(QualityScore score, List<String> fixes) {
	}
}
