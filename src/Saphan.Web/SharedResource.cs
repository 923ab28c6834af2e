namespace Saphan.Web;

/// <summary>The anchor for the shared UI strings: English text is the key, Resources/SharedResource.th.resx holds Thai.</summary>
public sealed class SharedResource;
