package org.orchestra.incident;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.orchestra.territory.Manager;
import org.orchestra.territory.Place;
import org.orchestra.territory.Territory;
import org.springframework.stereotype.Component;

/**
 * Decides who handles a report: the place gives the manager (within 5 m of a regional road: the Region,
 * otherwise the commune), the category names the regional organisation, and the organisation's dispatch matrix
 * picks the department. The reason is kept on the report as a message key with its arguments.
 */
@Component
class Routing {

	private final Territory territory;
	private final DispatchRules dispatch;

	Routing(Territory territory, DispatchRules dispatch) {
		this.territory = territory;
		this.dispatch = dispatch;
	}

	/** Who decides and why: {@code reason} is {@code messageKey|argument|argument…}. */
	record Decision(String organisation, @Nullable String department, String nisCode, String reason, Place place) {
	}

	Decision route(double lon, double lat, Category category, @Nullable String professionalOrganisation) {
		Place place = territory.locate(lon, lat);
		if (!place.inRegion() || place.nisCode() == null) {
			throw new IncidentException("incident.error.outside-region");
		}
		String organisation;
		String reason;
		if (professionalOrganisation != null) {
			organisation = professionalOrganisation;
			reason = "incident.routing.professional";
		}
		else if (category.alwaysRegional()) {
			organisation = category.regionalOrganisation();
			reason = "incident.routing.always-regional";
		}
		else if (place.manager() == Manager.REGION) {
			organisation = category.regionalOrganisation();
			reason = "incident.routing.regional-road|" + nullToEmpty(place.roadFr()) + "|" + nullToEmpty(place.roadNl());
		}
		else {
			organisation = "commune-" + place.nisCode();
			reason = "incident.routing.communal";
		}
		String department = department(organisation, category.code()).orElse(null);
		return new Decision(organisation, department, place.nisCode(), reason, place);
	}

	Optional<String> department(String organisation, String category) {
		return dispatch.findByOrganisationIdAndCategoryCode(organisation, category).map(DispatchRule::department);
	}

	private static String nullToEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}
}
