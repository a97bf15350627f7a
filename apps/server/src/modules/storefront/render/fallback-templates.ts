/**
 * Plain templates used when a (custom) theme lacks one of the files a page type needs, so
 * every store still renders every page. Built-in themes define all of them.
 */
const productList = `<ul class="products">{% for product in products %}<li><a href="{{ product.url }}"><img src="{{ product.image.url }}" alt="{{ product.image.alt }}" width="320" height="320"><span>{{ product.title }}</span> <span>{{ product.price_formatted }}</span></a></li>{% endfor %}</ul>`;

export const FALLBACK_TEMPLATES: Record<string, string> = {
  'layout/theme.liquid': `<!doctype html>
<html lang="{{ shop.language }}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ page_title }}</title><meta name="description" content="{{ page_description }}">
<link rel="canonical" href="{{ canonical_url }}"><link rel="stylesheet" href="{{ routes.base_stylesheet_url }}"><link rel="stylesheet" href="{{ routes.stylesheet_url }}"></head>
<body><header><a href="{{ routes.root_url }}">{{ shop.logo_text }}</a><nav>{% for link in menus.main.links %}<a href="{{ link.url }}">{{ link.title }}</a> {% endfor %}</nav></header>
<main>{{ content_for_layout | raw }}</main>
<footer>{% for link in menus.footer.links %}<a href="{{ link.url }}">{{ link.title }}</a> {% endfor %}<p>&copy; {{ year }} {{ shop.name }}</p></footer></body></html>`,
  'templates/index.liquid': `<h1>{{ home.title }}</h1><p>{{ home.text }}</p>{% assign products = featured_products %}${productList}`,
  'templates/collection.liquid': `<h1>{{ collection.title }}</h1>{% assign products = collection.products %}${productList}{% if paginate.previous_url %}<a href="{{ paginate.previous_url }}">Previous</a>{% endif %} {% if paginate.next_url %}<a href="{{ paginate.next_url }}">Next</a>{% endif %}`,
  'templates/product.liquid': `<h1>{{ product.title }}</h1><img src="{{ product.image.url }}" alt="{{ product.image.alt }}" width="480" height="480"><p>{{ product.price_formatted }}</p>{{ product.description_html | raw }}`,
  'templates/page.liquid': `<h1>{{ page.title }}</h1>{{ page.content | raw }}`,
  'templates/404.liquid': `<h1>Page not found</h1><p><a href="{{ routes.root_url }}">Continue shopping</a></p>`,
};
