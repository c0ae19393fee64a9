/** Wraps a kind's HTML body in the common email frame (escaped like any template). */
export const wrapEmailHtml = (body: string): string =>
  `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#1f2933;max-width:640px;margin:auto">
<div style="padding:16px 0;border-bottom:1px solid #e4e7eb"><strong>{{tenant.name}}</strong> · MedMentor</div>
<div style="padding:16px 0">${body}</div>
<div style="padding:16px 0;border-top:1px solid #e4e7eb;font-size:12px;color:#7b8794">
{{#if links.unsubscribe}}<a href="{{links.unsubscribe}}">Unsubscribe from these emails</a>{{/if}}
</div></body></html>`;

/** Plain-text footer matching the HTML frame. */
export const wrapEmailText = (body: string): string =>
  `${body}\n\n--\n{{tenant.name}} · MedMentor\n{{#if links.unsubscribe}}Unsubscribe: {{links.unsubscribe}}\n{{/if}}`;
