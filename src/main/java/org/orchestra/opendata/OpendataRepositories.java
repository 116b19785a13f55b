package org.orchestra.opendata;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface Datasets extends JpaRepository<Dataset, UUID> {

	Optional<Dataset> findBySlug(String slug);

	List<Dataset> findByOrderByUpdatedAtDesc(Pageable page);

	long countByStatus(DatasetStatus status);
}

interface Publishers extends JpaRepository<Publisher, String> {

	Optional<Publisher> findByUri(String uri);

	Optional<Publisher> findByOrganisationId(String organisationId);
}

interface HarvestSources extends JpaRepository<HarvestSource, UUID> {

	List<HarvestSource> findByOrderByNameAsc();
}

interface HarvestJobs extends JpaRepository<HarvestJob, UUID> {

	List<HarvestJob> findBySourceIdOrderByStartedAtDesc(UUID sourceId, Pageable page);

	List<HarvestJob> findByOrderByStartedAtDesc(Pageable page);
}

