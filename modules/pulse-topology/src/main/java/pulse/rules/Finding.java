package pulse.rules;

import pulse.model.Light;
import pulse.model.Text;

/** One reason a project is not green, from the catalogue, with the light it calls for. */
public record Finding(Light light, Text reason) {}
