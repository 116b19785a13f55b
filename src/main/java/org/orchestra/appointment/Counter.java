package org.orchestra.appointment;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** A desk of the commune: the services it handles and how many citizens it serves at once (its capacity). */
@Entity
@Table(name = "appointment_counter")
class Counter {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "organisation_id", nullable = false, updatable = false)
	private String organisationId;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private int capacity;

	@Column(nullable = false)
	private boolean active = true;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "appointment_counter_service", joinColumns = @JoinColumn(name = "counter_id"))
	@Column(name = "service_id")
	private Set<UUID> services = new HashSet<>();

	@Version
	private long version;

	protected Counter() {
	}

	Counter(String name, int capacity, Set<UUID> services) {
		this.id = UUID.randomUUID();
		update(name, capacity, services, true);
	}

	void update(String name, int capacity, Set<UUID> services, boolean active) {
		this.name = name;
		this.capacity = capacity;
		this.services = new HashSet<>(services);
		this.active = active;
	}

	UUID id() {
		return id;
	}

	String name() {
		return name;
	}

	int capacity() {
		return capacity;
	}

	boolean active() {
		return active;
	}

	Set<UUID> services() {
		return Set.copyOf(services);
	}

	boolean handles(UUID service) {
		return active && services.contains(service);
	}
}
