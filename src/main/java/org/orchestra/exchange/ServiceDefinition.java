package org.orchestra.exchange;

import java.util.List;
import java.util.Optional;

import org.orchestra.shared.LocalizedText;

/**
 * A service offered through the gateway by a provider (an authentic source), with its operations.
 *
 * @param code the service code in gateway URLs
 * @param provider the organisation behind the source
 */
public record ServiceDefinition(String code, LocalizedText name, String provider, List<Operation> operations) {

	/**
	 * One operation.
	 *
	 * @param parameter the query parameter that identifies the subject
	 * @param personal whether the parameter is a national number (checked against the partner's population)
	 */
	public record Operation(String code, LocalizedText description, String parameter, boolean personal) {
	}

	public Optional<Operation> operation(String code) {
		return operations.stream().filter(o -> o.code().equals(code)).findFirst();
	}
}
