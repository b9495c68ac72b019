using Microsoft.Extensions.Options;

namespace Harvester.Hosting;

/// <summary>
/// The data annotations (<c>[Range]</c>, <c>[Required]</c>, <c>[RegularExpression]</c>) of every options class reached
/// through <c>[ValidateObjectMembers]</c>, checked by code the options validator source generator writes (no
/// reflection, no hand-rolled walk).
/// </summary>
[OptionsValidator]
public sealed partial class HarvesterOptionsAnnotations : IValidateOptions<HarvesterOptions>;
