package org.orchestra.counter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.orchestra.identity.CurrentUser;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.orchestra.territory.Place;
import org.orchestra.territory.Territory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The on-line address change: the resident declares the new address, which must lie in the region; the commune
 * of the new address receives it, confirms or refuses it, and a residence investigation follows the declaration.
 */
@Service
public class AddressChangeDesk {

	private final AddressChanges changes;
	private final CounterRequests residents;
	private final PopulationRegister register;
	private final Territory territory;
	private final OrganisationDirectory organisations;
	private final CurrentUser currentUser;
	private final ApplicationEventPublisher publisher;
	private final TransactionTemplate tx;

	AddressChangeDesk(AddressChanges changes, CounterRequests residents, PopulationRegister register,
			Territory territory, OrganisationDirectory organisations, CurrentUser currentUser,
			ApplicationEventPublisher publisher, PlatformTransactionManager transactions) {
		this.changes = changes;
		this.residents = residents;
		this.register = register;
		this.territory = territory;
		this.organisations = organisations;
		this.currentUser = currentUser;
		this.publisher = publisher;
		this.tx = new TransactionTemplate(transactions);
	}

	/** What the resident declares. */
	public record Declaration(@Nullable String street, @Nullable String houseNumber, @Nullable String box,
			@Nullable String postcode, @Nullable Double lon, @Nullable Double lat, @Nullable LocalDate movingDate,
			List<String> members) {
	}

	/** Household members who may move along with the resident. */
	public List<PopulationRegister.Person> household() {
		PopulationRegister.Person resident = residents.resident();
		return register.household(resident.nationalNumber());
	}

	/** Checks the declaration and sends it to the commune of the new address. */
	public AddressChange declare(Declaration declaration) {
		PopulationRegister.Person resident = residents.resident();
		LocalDate today = LocalDate.now(CounterRequests.BRUSSELS);
		String street = required(declaration.street(), 200, "counter.error.street");
		String number = required(declaration.houseNumber(), 20, "counter.error.house-number");
		String box = declaration.box() == null || declaration.box().isBlank() ? null : declaration.box().strip();
		if (box != null && box.length() > 20) {
			throw new CounterException("counter.error.box");
		}
		String postcode = required(declaration.postcode(), 10, "counter.error.postcode");
		if (!postcode.matches("\\d{4}")) {
			throw new CounterException("counter.error.postcode");
		}
		Double lon = declaration.lon();
		Double lat = declaration.lat();
		if (lon == null || lat == null) {
			List<org.orchestra.territory.Address> found = territory
					.searchAddresses(street + " " + number + ", " + postcode, 1);
			if (found.isEmpty() || !found.get(0).postcode().equals(postcode)) {
				throw new CounterException("counter.error.outside-region", 422);
			}
			lon = found.get(0).lon();
			lat = found.get(0).lat();
		}
		Place place = territory.locate(lon, lat);
		if (!place.inRegion() || place.nisCode() == null) {
			throw new CounterException("counter.error.outside-region", 422);
		}
		if (declaration.lon() != null) {
			// The pin decides the commune only when it agrees with the typed address, where the address is known.
			List<org.orchestra.territory.Address> typed = territory
					.searchAddresses(street + " " + number + ", " + postcode, 1);
			if (!typed.isEmpty() && typed.get(0).postcode().equals(postcode)
					&& !typed.get(0).nisCode().equals(place.nisCode())) {
				throw new CounterException("counter.error.address-mismatch", 422);
			}
		}
		LocalDate moving = declaration.movingDate();
		if (moving == null || moving.isBefore(today.minusDays(60)) || moving.isAfter(today.plusDays(60))) {
			throw new CounterException("counter.error.moving-date");
		}
		// Like requests for others: minors of the household, or anyone when the declarant is its reference person.
		boolean reference = "REFERENCE".equals(resident.relation());
		List<String> household = register.household(resident.nationalNumber()).stream()
				.filter(p -> reference || !p.adult(today))
				.map(PopulationRegister.Person::nationalNumber).toList();
		List<String> moving_ = new ArrayList<>();
		moving_.add(resident.nationalNumber());
		if (declaration.members().size() > 20) {
			throw new CounterException("counter.error.not-for-this-person", 403);
		}
		for (String member : declaration.members()) {
			if (member == null || member.isBlank() || member.equals(resident.nationalNumber())) {
				continue;
			}
			if (!household.contains(member.strip())) {
				throw new CounterException("counter.error.not-for-this-person", 403);
			}
			if (!moving_.contains(member.strip())) {
				moving_.add(member.strip());
			}
		}
		if (changes.existsByRequesterNnAndStatus(resident.nationalNumber(), AddressChange.Status.SUBMITTED)) {
			throw new CounterException("counter.error.address-change-pending", 409);
		}
		OrganisationId commune = OrganisationId.of("commune-" + place.nisCode());
		if (!organisations.exists(commune)) {
			throw new CounterException("counter.error.no-commune", 422);
		}
		String actor = currentUser.actorName();
		AddressChange change = new AddressChange(commune.value(), actor, resident.nationalNumber(),
				resident.fullName(), resident.address(), street, number, box, postcode, place.nisCode(),
				lon, lat, moving, String.join(",", moving_));
		return TenantContext.callAs(commune, () -> tx.execute(status -> {
			AddressChange saved = changes.saveAndFlush(change);
			saved.assignReference(today.getYear());
			publisher.publishEvent(new AddressChangeDeclared(saved.reference(), commune.value(), saved.nisCode(),
					saved.newAddress(), saved.lon(), saved.lat(), saved.movingDate(), saved.members(), actor));
			return saved;
		}));
	}

	private static String required(@Nullable String value, int max, String key) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty() || v.length() > max) {
			throw new CounterException(key);
		}
		return v;
	}

	@Transactional(readOnly = true)
	public List<AddressChange> mine() {
		return changes.findByRequesterAccountOrderByCreatedAtDesc(currentUser.actorName());
	}

	@Transactional(readOnly = true)
	public Page<AddressChange> queue(boolean pendingOnly, int page) {
		String org = TenantContext.require().value();
		PageRequest paging = PageRequest.of(Math.max(page, 0), 50);
		return pendingOnly ? changes.findByOrganisationIdAndStatusOrderByCreatedAtAsc(org,
				AddressChange.Status.SUBMITTED, paging) : changes.findByOrganisationIdOrderByCreatedAtDesc(org, paging);
	}

	@Transactional(readOnly = true)
	public AddressChange get(String reference) {
		String org = TenantContext.require().value();
		return changes.findByReference(reference).filter(c -> c.organisationId().equals(org))
				.orElseThrow(() -> new CounterException("counter.error.unknown-request", 404));
	}

	/** The commune confirms or refuses; a refusal needs a reason. */
	@Transactional
	public AddressChange decide(String reference, boolean confirm, @Nullable String reason) {
		AddressChange change = get(reference);
		if (change.status() != AddressChange.Status.SUBMITTED) {
			throw new CounterException("counter.error.transition", 409);
		}
		String text = reason == null || reason.isBlank() ? null : reason.strip();
		if (!confirm && text == null) {
			throw new CounterException("counter.error.reason-required");
		}
		if (text != null && text.length() > 2000) {
			throw new CounterException("counter.error.message-long");
		}
		AddressChange.Status decision = confirm ? AddressChange.Status.CONFIRMED : AddressChange.Status.REFUSED;
		change.decide(decision, currentUser.actorName(), confirm ? null : text);
		publisher.publishEvent(new AddressChangeDecided(change.reference(), change.organisationId(), decision, text,
				currentUser.actorName()));
		return change;
	}
}
