// The API browser: Pulse's own description, and no request to any other site (no online validator).
window.ui = SwaggerUIBundle({
  url: '/swagger/pulse.yml',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
});
