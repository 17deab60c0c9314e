namespace CallCenter.Store;

/// <summary>A skill a callback's agent must have, as stored with the callback.</summary>
/// <param name="Skill">Skill name, as in the configuration (e.g. <c>billing</c>, <c>lang-ms</c>).</param>
/// <param name="MinProficiency">Lowest acceptable proficiency, 1–10.</param>
public readonly record struct CallbackRequirement(string Skill, int MinProficiency);
