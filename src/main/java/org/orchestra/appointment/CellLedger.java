package org.orchestra.appointment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The seats of every counter's time cells, kept in the database so that capacity holds across threads and nodes:
 * a seat is taken by a conditional update ({@code booked < capacity}) that the database evaluates under the row
 * lock, and a check constraint forbids more bookings than seats. Cells are taken in time order, so two bookings
 * never wait on each other in opposite orders.
 */
@Component
class CellLedger {

	private final JdbcTemplate jdbc;

	CellLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** Seats taken per counter and cell of an organisation in a time range. */
	Map<SlotPlanner.Cell, Integer> booked(String organisation, Instant from, Instant to) {
		Map<SlotPlanner.Cell, Integer> booked = new HashMap<>();
		jdbc.query("select counter_id, starts_at, booked from appointment_cell where organisation_id = ? "
				+ "and starts_at >= ? and starts_at < ? and booked > 0", rs -> {
					booked.put(new SlotPlanner.Cell(rs.getObject(1, UUID.class),
							rs.getObject(2, OffsetDateTime.class).toInstant()), rs.getInt(3));
				}, organisation, at(from), at(to));
		return booked;
	}

	/**
	 * Creates the cells a booking needs, empty, if they do not exist yet. Runs in its own transaction before the
	 * booking, so that the booking's conditional updates always find committed rows.
	 */
	void ensure(String organisation, UUID counter, int capacity, List<Instant> cells) {
		for (Instant cell : cells) {
			try {
				jdbc.update("insert into appointment_cell (organisation_id, counter_id, starts_at, capacity, booked) "
						+ "values (?, ?, ?, ?, 0) on conflict do nothing", organisation, counter, at(cell), capacity);
			}
			catch (DataIntegrityViolationException ex) {
				// created at the same moment by another booking: it exists, which is all that is needed
			}
		}
	}

	/**
	 * Takes one seat in each cell at the counter, or none: returns false (and gives back what it took) as soon as a
	 * cell is full or missing. Must run inside the booking's transaction.
	 */
	boolean reserve(UUID counter, List<Instant> cells) {
		for (int i = 0; i < cells.size(); i++) {
			int taken;
			try {
				taken = jdbc.update("update appointment_cell set booked = booked + 1 where counter_id = ? "
						+ "and starts_at = ? and booked < capacity", counter, at(cells.get(i)));
			}
			catch (DataIntegrityViolationException ex) {
				taken = 0;
			}
			if (taken != 1) {
				release(counter, cells.subList(0, i));
				return false;
			}
		}
		return true;
	}

	/** Gives back one seat in each cell. */
	void release(UUID counter, List<Instant> cells) {
		for (Instant cell : cells) {
			jdbc.update("update appointment_cell set booked = booked - 1 where counter_id = ? and starts_at = ? "
					+ "and booked > 0", counter, at(cell));
		}
	}

	/** Applies a counter's new capacity to its future cells, never below the seats already taken. */
	void resize(UUID counter, int capacity, Instant from) {
		jdbc.update("update appointment_cell set capacity = greatest(booked, ?) where counter_id = ? and starts_at >= ?",
				capacity, counter, at(from));
	}
}
