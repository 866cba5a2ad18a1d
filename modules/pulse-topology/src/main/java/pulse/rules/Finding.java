package pulse.rules;

import pulse.model.Light;

/** One reason a project is not green, in words, with the light it calls for. */
public record Finding(Light light, String reason) {}
