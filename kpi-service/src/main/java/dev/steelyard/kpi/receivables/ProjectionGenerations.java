package dev.steelyard.kpi.receivables;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Which generation of the projections queries read (active) and which one a rebuild is filling
 * beside it (building). Live events go to both, so the new one misses nothing while it catches up.
 */
@ApplicationScoped
public class ProjectionGenerations {

    @Inject
    EntityManager entityManager;

    public int active() {
        return ((Number) entityManager.createNativeQuery("SELECT active_generation FROM projection_state WHERE id = 1")
                .getSingleResult()).intValue();
    }

    /** The generations a live event is applied to; read under a share lock so a switch-over waits for it. */
    public List<Integer> live() {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "SELECT active_generation, building_generation FROM projection_state WHERE id = 1 FOR SHARE")
                .getSingleResult();
        List<Integer> generations = new ArrayList<>();
        generations.add(((Number) row[0]).intValue());
        if (row[1] != null) {
            generations.add(((Number) row[1]).intValue());
        }
        return generations;
    }
}
