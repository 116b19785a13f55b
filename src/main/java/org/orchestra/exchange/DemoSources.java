package org.orchestra.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Demo authentic sources over clearly marked synthetic data: 95 persons (five per commune of the region) in
 * households, enterprises and vehicles. Every answer carries {@code "synthetic": true}.
 */
@Component
public class DemoSources {

	static final String[] FIRST = { "Anne", "Bart", "Chloé", "David", "Els", "Farid", "Greet", "Hugo", "Inès", "Jan" };
	static final String[] LAST = { "Peeters", "Dubois", "Janssens", "Lambert", "Maes", "El Amrani", "Claes", "Leroy" };

	public record Person(String nationalNumber, String firstName, String lastName, LocalDate birthDate, String nisCode,
			String household) {
	}

	private final List<Person> persons = new ArrayList<>();
	private final AtomicLong calls = new AtomicLong();

	DemoSources() {
		int n = 0;
		for (int commune = 1; commune <= 19; commune++) {
			for (int k = 0; k < 5; k++) {
				LocalDate birth = LocalDate.of(1950 + (n * 7) % 60, 1 + n % 12, 1 + n % 28);
				persons.add(new Person(nationalNumber(birth, 100 + n * 2), FIRST[n % FIRST.length],
						LAST[n % LAST.length] + " (synthetic)", birth, String.format("210%02d", commune),
						"HH-" + commune + "-" + (k / 3)));
				n++;
			}
		}
	}

	/** A valid Belgian national number for a birth date and sequence. */
	static String nationalNumber(LocalDate birth, int sequence) {
		String base = String.format("%02d%02d%02d%03d", birth.getYear() % 100, birth.getMonthValue(),
				birth.getDayOfMonth(), sequence);
		long number = Long.parseLong(base);
		long check = birth.getYear() >= 2000 ? 97 - ((2_000_000_000L + number) % 97) : 97 - (number % 97);
		return base + String.format("%02d", check);
	}

	public List<Person> persons() {
		return List.copyOf(persons);
	}

	/** How many calls reached the demo sources (tests check that refused queries never do). */
	public long calls() {
		return calls.get();
	}

	/** The same answers, served over HTTP for the HTTP adapter and the benchmark. */
	public Optional<Map<String, Object>> answerOverHttp(String service, String operation, String subject) {
		return answer(service, operation, subject);
	}

	Optional<Map<String, Object>> answer(String service, String operation, String subject) {
		calls.incrementAndGet();
		return switch (service + "/" + operation) {
			case "population-register/person" -> person(subject).map(this::personData);
			case "population-register/household" -> person(subject).map(p -> {
				List<Map<String, Object>> members = new ArrayList<>();
				persons.stream().filter(o -> o.household().equals(p.household())).forEach(o -> members.add(personData(o)));
				return synthetic(Map.of("household", p.household(), "members", members));
			});
			case "enterprise-register/enterprise" -> subject.matches("0\\d{9}")
					? Optional.of(synthetic(Map.of("number", subject, "name", "Synthetic company " + subject.substring(6),
							"legalForm", "SRL/BV", "status", "active")))
					: Optional.empty();
			case "vehicle-registration/vehicle" -> subject.matches("[0-9]-[A-Z]{3}-[0-9]{3}")
					? Optional.of(synthetic(Map.of("plate", subject, "euroStandard", "EURO 6", "fuel", "petrol")))
					: Optional.empty();
			default -> Optional.empty();
		};
	}

	private Optional<Person> person(String nationalNumber) {
		return persons.stream().filter(p -> p.nationalNumber().equals(nationalNumber)).findFirst();
	}

	private Map<String, Object> personData(Person p) {
		return synthetic(Map.of("nationalNumber", p.nationalNumber(), "firstName", p.firstName(), "lastName",
				p.lastName(), "birthDate", p.birthDate().toString(), "residence", Map.of("nisCode", p.nisCode())));
	}

	private static Map<String, Object> synthetic(Map<String, Object> data) {
		Map<String, Object> result = new LinkedHashMap<>(data);
		result.put("synthetic", true);
		return result;
	}
}
